package dev.modelport.admin.clients;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import dev.modelport.admin.clients.ClientsClient.ApiClient;
import dev.modelport.admin.clients.ClientsClient.IssuedSecret;
import dev.modelport.admin.clients.ClientsClient.NewClient;
import dev.modelport.admin.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientsViewTest {

    private final List<Object> calls = new ArrayList<>();
    private final List<ApiClient> registered = new ArrayList<>();
    private ApiException failure;
    private final ClientsClient clients = new ClientsClient(null) {
        @Override
        List<ApiClient> list() {
            return registered;
        }

        @Override
        IssuedSecret create(NewClient client) {
            calls.add(client);
            if (failure != null) {
                throw failure;
            }
            return new IssuedSecret("c-123", "s3cr3t-shown-once");
        }

        @Override
        IssuedSecret rotate(String clientId) {
            calls.add("rotate " + clientId);
            return new IssuedSecret(clientId, "new-secret");
        }

        @Override
        List<String> modelNames() {
            return List.of("fraud", "iris");
        }
    };
    private ClientsView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        registered.add(new ApiClient("modelport-cli", "ModelPort automation", List.of("models.admin"), null, "standard",
                false, "auth-service", null, null));
        view = new ClientsView(clients);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void viewWhenClientsThenListsScopesModelsAndTier() {
        assertThat(GridKt._getFormattedRow(view.clients, 0)).contains("modelport-cli", "models.admin", "all", "standard", "active");
    }

    @Test
    void createWhenNoScopeThenInvalidAndNoCall() {
        _click(view.newClient);
        NewClientDialog dialog = view.newClientDialog;
        _setValue(dialog.name, "fraud scoring");
        _setValue(dialog.scopes, Set.of());
        _click(dialog.create);

        assertThat(dialog.scopes.isInvalid()).isTrue();
        assertThat(calls).isEmpty();
    }

    @Test
    void createWhenValidThenSecretShownOnceWithCopyButton() {
        _click(view.newClient);
        NewClientDialog dialog = view.newClientDialog;
        _setValue(dialog.name, "fraud scoring");
        _setValue(dialog.scopes, Set.of("models.infer", "models.read"));
        _setValue(dialog.models, Set.of("iris"));
        _setValue(dialog.tier, "premium");
        _click(dialog.create);

        assertThat(calls).containsExactly(new NewClient("fraud scoring", List.of("models.infer", "models.read"),
                List.of("iris"), "premium"));
        assertThat(view.secretDialog.secret.getValue()).isEqualTo("s3cr3t-shown-once");
        assertThat(view.secretDialog.secret.isReadOnly()).isTrue();
        assertThat(view.secretDialog.copy.isVisible()).isTrue();
    }

    @Test
    void createWhenServiceRefusesThenItsErrorShown() {
        failure = new ApiException(400, "unknown scope: models.everything");
        _click(view.newClient);
        NewClientDialog dialog = view.newClientDialog;
        _setValue(dialog.name, "x");
        _click(dialog.create);

        assertThat(dialog.error.getText()).isEqualTo("unknown scope: models.everything");
    }
}
