package dev.modelport.admin.clients;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.modelport.admin.clients.ClientsClient.ApiClient;
import dev.modelport.admin.platform.ApiException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Supplier;

/** API clients: who may call the platform, with which scopes, for which models, at which tier. */
@Route("clients")
@PageTitle("API clients · ModelPort")
@RolesAllowed("ADMIN")
public class ClientsView extends VerticalLayout {

    static final String ACTIONS = "actions";

    final Button newClient = new Button("New client");
    final Grid<ApiClient> clients = new Grid<>();
    final Paragraph error = new Paragraph();
    final Div emptyState = new Div();
    final Button createFirst = new Button("Create a client");
    NewClientDialog newClientDialog;
    SecretDialog secretDialog;
    ConfirmDialog confirm;
    private final ClientsClient api;

    ClientsView(ClientsClient api) {
        this.api = api;
        setSizeFull();
        newClient.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newClient.addClickListener(click -> openNewClient());
        clients.addColumn(ApiClient::clientId).setHeader("Client ID").setAutoWidth(true);
        clients.addColumn(ApiClient::name).setHeader("Name").setAutoWidth(true);
        clients.addColumn(client -> String.join(" ", orNone(client.scopes()))).setHeader("Scopes").setAutoWidth(true);
        clients.addColumn(client -> client.models() == null || client.models().isEmpty() ? "all"
                : String.join(", ", client.models())).setHeader("Models").setAutoWidth(true);
        clients.addColumn(ApiClient::tier).setHeader("Tier").setAutoWidth(true);
        clients.addColumn(client -> client.revoked() ? "revoked" : "active").setHeader("Status").setAutoWidth(true);
        clients.addComponentColumn(client -> {
            Button rotate = new Button("Rotate secret", click -> ask("Rotate the secret of " + client.clientId() + "?",
                    "The current secret stops working at once.", "Rotate", () -> rotate(client)));
            Button revoke = new Button("Revoke", click -> ask("Revoke " + client.clientId() + "?",
                    "It gets no new tokens; this can't be undone.", "Revoke", () -> revoke(client)));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            rotate.setEnabled(!client.revoked());
            revoke.setEnabled(!client.revoked());
            return new HorizontalLayout(rotate, revoke);
        }).setKey(ACTIONS).setAutoWidth(true);
        clients.setSizeFull();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        emptyState.add(new Paragraph("No API clients yet — create one so an application can call the platform: "
                + "pick its scopes, models and tier; its secret is shown once."),
                createFirst);
        createFirst.addClickListener(click -> openNewClient());
        emptyState.setVisible(false);
        add(new H2("API clients"), newClient, error, emptyState, clients);
        reload();
    }

    void reload() {
        List<ApiClient> all = call(api::list);
        if (all != null) {
            clients.setItems(all);
            emptyState.setVisible(all.isEmpty());
            clients.setVisible(!all.isEmpty());
        }
    }

    void openNewClient() {
        List<String> models = call(api::modelNames);
        newClientDialog = new NewClientDialog(api, models == null ? List.of() : models, issued -> {
            reload();
            showSecret(issued);
        });
        newClientDialog.open();
    }

    private void rotate(ApiClient client) {
        ClientsClient.IssuedSecret issued = call(() -> api.rotate(client.clientId()));
        if (issued != null) {
            showSecret(issued);
        }
    }

    private void revoke(ApiClient client) {
        Boolean revoked = call(() -> {
            api.revoke(client.clientId());
            return true;
        });
        if (revoked != null) {
            reload();
        }
    }

    private void showSecret(ClientsClient.IssuedSecret issued) {
        secretDialog = new SecretDialog(issued);
        secretDialog.open();
    }

    private void ask(String header, String text, String action, Runnable confirmed) {
        confirm = new ConfirmDialog(header, text, action, yes -> confirmed.run());
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Runs an API call; its error, if any, is shown as the platform gave it. */
    private <T> T call(Supplier<T> request) {
        try {
            T result = request.get();
            error.setVisible(false);
            return result;
        } catch (ApiException refused) {
            error.setText(refused.getMessage());
            error.setVisible(true);
            return null;
        }
    }

    private static List<String> orNone(List<String> values) {
        return values == null ? List.of() : values;
    }
}
