package dev.modelport.admin.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.RegexpValidator;
import dev.modelport.admin.models.ModelRecords.Model;
import dev.modelport.admin.models.ModelRecords.NewModel;
import dev.modelport.admin.platform.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Creates a model: name, description, tags. Versions are uploaded on its page. */
class NewModelDialog extends Dialog {

    static final String NAME_PATTERN = "[a-z0-9][a-z0-9\\-_.]{0,63}";
    static final String TAG_PATTERN = "[A-Za-z0-9][A-Za-z0-9\\-_.:/]{0,49}";

    /** The form's fields as the binder sees them. */
    static final class Form {
        String name = "";
        String description = "";
        String tags = "";
    }

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final TextField tags = new TextField("Tags");
    final Paragraph error = new Paragraph();
    final Button create = new Button("Create");
    final Binder<Form> binder = new Binder<>();

    NewModelDialog(ModelsClient models, Consumer<Model> created) {
        setHeaderTitle("New model");
        name.setHelperText("a-z, 0-9, '-', '_', '.'; up to 64 characters");
        tags.setHelperText("comma-separated, e.g. fraud, tabular");
        binder.forField(name).asRequired("A model needs a name")
                .withValidator(new RegexpValidator("1-64 characters from a-z, 0-9, '-', '_', '.', starting with a letter or digit", NAME_PATTERN))
                .bind(form -> form.name, (form, value) -> form.name = value);
        binder.forField(description).bind(form -> form.description, (form, value) -> form.description = value);
        binder.forField(tags).withValidator(text -> tags(text).stream().allMatch(tag -> tag.matches(TAG_PATTERN)),
                        "tags are 1-50 characters from A-Z, a-z, 0-9, '-_.:/', separated by commas")
                .bind(form -> form.tags, (form, value) -> form.tags = value);
        binder.setBean(new Form());
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            if (binder.validate().isOk()) {
                Form form = binder.getBean();
                try {
                    Model model = models.create(new NewModel(form.name.strip(), form.description, tags(form.tags)));
                    close();
                    created.accept(model);
                } catch (ApiException refused) {
                    error.setText(refused.getMessage());
                    error.setVisible(true);
                }
            }
        });
        add(new FormLayout(name, description, tags), error);
        getFooter().add(new Button("Cancel", click -> close()), create);
    }

    static List<String> tags(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }
}
