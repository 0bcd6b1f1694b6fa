package dev.modelport.admin.clients;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.modelport.admin.clients.ClientsClient.IssuedSecret;
import dev.modelport.admin.clients.ClientsClient.NewClient;
import dev.modelport.admin.platform.ApiException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** A new API client: name, scopes, the models it may use (none = all), rate-limit tier. */
class NewClientDialog extends Dialog {

    static final List<String> SCOPES = List.of("models.infer", "models.read", "models.admin");
    static final List<String> TIERS = List.of("free", "standard", "premium");

    /** What the form edits. */
    static final class Form {
        String name = "";
        Set<String> scopes = Set.of("models.infer");
        Set<String> models = Set.of();
        String tier = "standard";
    }

    final TextField name = new TextField("Name");
    final CheckboxGroup<String> scopes = new CheckboxGroup<>("Scopes");
    final MultiSelectComboBox<String> models = new MultiSelectComboBox<>("Models");
    final Select<String> tier = new Select<>();
    final Paragraph error = new Paragraph();
    final Button create = new Button("Create");
    final Binder<Form> binder = new Binder<>();

    NewClientDialog(ClientsClient clients, List<String> modelNames, Consumer<IssuedSecret> created) {
        setHeaderTitle("New API client");
        scopes.setItems(SCOPES);
        models.setItems(modelNames);
        models.setHelperText("Leave empty to allow every model");
        tier.setLabel("Tier");
        tier.setItems(TIERS);
        binder.forField(name).asRequired("A client needs a name")
                .withValidator(value -> value.strip().length() <= 100, "At most 100 characters")
                .bind(form -> form.name, (form, value) -> form.name = value);
        binder.forField(scopes).withValidator(value -> !value.isEmpty(), "Pick at least one scope")
                .bind(form -> form.scopes, (form, value) -> form.scopes = value);
        binder.forField(models).bind(form -> form.models, (form, value) -> form.models = value);
        binder.forField(tier).asRequired("Pick a tier").bind(form -> form.tier, (form, value) -> form.tier = value);
        binder.setBean(new Form());
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            Form form = binder.getBean();
            try {
                IssuedSecret issued = clients.create(new NewClient(form.name.strip(), List.copyOf(new TreeSet<>(form.scopes)),
                        form.models.isEmpty() ? null : List.copyOf(new TreeSet<>(form.models)), form.tier));
                close();
                created.accept(issued);
            } catch (ApiException refused) {
                error.setText(refused.getMessage());
                error.setVisible(true);
            }
        });
        add(new FormLayout(name, tier, scopes, models), error);
        getFooter().add(new Button("Cancel", click -> close()), create);
    }
}
