package dev.modelport.admin.clients;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.clients.ClientsClient.ApiClient;
import dev.modelport.admin.clients.ClientsClient.IssuedSecret;
import dev.modelport.admin.clients.ClientsClient.NewClient;
import dev.modelport.admin.platform.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class ClientsViewTest {

    private final List<Object> calls = new ArrayList<>();
    private final List<ApiClient> registered = new ArrayList<>();
    private ApiException failure;
    private final ClientsClient clients = new ClientsClient(null) {
        @Override
        List<ApiClient> list() {
            return List.copyOf(registered);
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
        void revoke(String clientId) {
            calls.add("revoke " + clientId);
            if (failure != null) {
                throw failure;
            }
            registered.replaceAll(client -> client.clientId().equals(clientId)
                    ? new ApiClient(client.clientId(), client.name(), client.scopes(), client.models(), client.tier(),
                            true, client.createdBy(), client.createdAt(), Instant.EPOCH)
                    : client);
        }

        @Override
        List<String> modelNames() {
            return List.of("fraud", "iris");
        }
    };
    private ClientsView view;

    @BeforeEach
    void setUp() {
        registered.add(new ApiClient("modelport-cli", "ModelPort automation", List.of("models.admin"), null, "standard",
                false, "auth-service", null, null));
        view = new ClientsView(clients);
    }

    @Test
    void viewWhenClientsThenListsScopesModelsAndTier() {
        assertThat(GridKt._getFormattedRow(view.clients, 0)).contains("modelport-cli", "models.admin", "all", "standard", "active");
    }

    @Test
    void viewWhenNoClientsThenEmptyStateInvitesCreatingOne() {
        registered.clear();
        view = new ClientsView(clients);

        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyState.getElement().getTextRecursively()).contains("No API clients yet — create one");
        assertThat(view.clients.isVisible()).isFalse();
        _click(view.createFirst);
        assertThat(view.newClientDialog.isOpened()).isTrue();
    }

    @Test
    void viewWhenClientsThenNoEmptyState() {
        assertThat(view.emptyState.isVisible()).isFalse();
        assertThat(view.clients.isVisible()).isTrue();
    }

    @Test
    void rotateWhenConfirmedThenClientCalledAndNewSecretShownOnce() {
        _click(action(0, "Rotate secret"));

        assertThat(ConfirmDialogKt.getHeader(view.confirm)).isEqualTo("Rotate the secret of modelport-cli?");
        assertThat(ConfirmDialogKt.getText(view.confirm)).isEqualTo("The current secret stops working at once.");
        assertThat(calls).isEmpty();
        ConfirmDialogKt._fireConfirm(view.confirm);

        assertThat(calls).containsExactly("rotate modelport-cli");
        assertThat(view.secretDialog.isOpened()).isTrue();
        assertThat(view.secretDialog.secret.getValue()).isEqualTo("new-secret");
        assertThat(view.secretDialog.secret.isReadOnly()).isTrue();
        assertThat(view.secretDialog.clientId.getValue()).isEqualTo("modelport-cli");
    }

    @Test
    void rotateWhenCancelledThenNoCallAndNoSecret() {
        _click(action(0, "Rotate secret"));
        ConfirmDialogKt._fireCancel(view.confirm);

        assertThat(calls).isEmpty();
        assertThat(view.secretDialog).isNull();
    }

    @Test
    void revokeWhenConfirmedThenClientCalledAndListShowsRevoked() {
        _click(action(0, "Revoke"));

        assertThat(ConfirmDialogKt.getHeader(view.confirm)).isEqualTo("Revoke modelport-cli?");
        assertThat(ConfirmDialogKt.getText(view.confirm)).isEqualTo("It gets no new tokens; this can't be undone.");
        ConfirmDialogKt._fireConfirm(view.confirm);

        assertThat(calls).containsExactly("revoke modelport-cli");
        assertThat(GridKt._getFormattedRow(view.clients, 0)).contains("revoked");
        assertThat(action(0, "Revoke").isEnabled()).isFalse();
        assertThat(action(0, "Rotate secret").isEnabled()).isFalse();
        assertThat(view.secretDialog).isNull();
    }

    @Test
    void revokeWhenServiceRefusesThenItsErrorShown() {
        failure = new ApiException(400, "modelport-console can't be revoked");
        _click(action(0, "Revoke"));
        ConfirmDialogKt._fireConfirm(view.confirm);

        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("modelport-console can't be revoked");
        assertThat(GridKt._getFormattedRow(view.clients, 0)).contains("active");
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

    /** The button in the actions column of a row. */
    private Button action(int row, String text) {
        return LocatorJ._get(GridKt._getCellComponent(view.clients, row, ClientsView.ACTIONS), Button.class,
                spec -> spec.withText(text));
    }
}
