package dev.modelport.admin.models;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.models.ModelRecords.Model;
import dev.modelport.admin.models.ModelRecords.NewModel;
import dev.modelport.admin.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class NewModelDialogTest {

    private final StubModelsClient models = new StubModelsClient();
    private final List<Model> created = new ArrayList<>();
    private NewModelDialog dialog;

    @BeforeEach
    void setUp() {
        dialog = new NewModelDialog(models, created::add);
        dialog.open();
    }

    @Test
    void createWhenNameMissingThenFieldInvalidAndNoCall() {
        _click(dialog.create);

        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(models.calls).isEmpty();
    }

    @Test
    void createWhenNameHasUppercaseOrSpacesThenInvalid() {
        _setValue(dialog.name, "Fraud Model");
        _click(dialog.create);

        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).contains("a-z");
        assertThat(models.calls).isEmpty();
    }

    @Test
    void createWhenValidThenSendsNameDescriptionAndTags() {
        _setValue(dialog.name, "fraud");
        _setValue(dialog.description, "scores card payments");
        _setValue(dialog.tags, "payments, tabular ,");
        _click(dialog.create);

        assertThat(models.calls).containsExactly(new NewModel("fraud", "scores card payments", List.of("payments", "tabular")));
        assertThat(created).extracting(Model::name).containsExactly("fraud");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void createWhenServiceRefusesThenItsErrorShownAsItIs() {
        models.failure = new ApiException(409, "model 'fraud' already exists");
        _setValue(dialog.name, "fraud");
        _click(dialog.create);

        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).isEqualTo("model 'fraud' already exists");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void createWhenTagInvalidThenInvalid() {
        _setValue(dialog.name, "fraud");
        _setValue(dialog.tags, "ok, not ok!");
        _click(dialog.create);

        assertThat(dialog.tags.isInvalid()).isTrue();
        assertThat(models.calls).isEmpty();
    }
}
