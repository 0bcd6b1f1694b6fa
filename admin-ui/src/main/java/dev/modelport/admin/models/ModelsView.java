package dev.modelport.admin.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.modelport.admin.models.ModelRecords.Model;
import dev.modelport.admin.platform.ApiException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/** Every model: search, tags, what serves in production, whether it is ready and how traffic is split. */
@Route("")
@PageTitle("Models · ModelPort")
@RolesAllowed("ADMIN")
public class ModelsView extends VerticalLayout {

    final TextField search = new TextField();
    final Button newModel = new Button("New model");
    final Grid<Model> models = new Grid<>();
    final Div emptyState = new Div();
    final Paragraph error = new Paragraph();
    private final ModelsClient client;
    private List<Model> all = List.of();
    private ProductionHealth health = ProductionHealth.UNKNOWN;

    ModelsView(ModelsClient client) {
        this.client = client;
        setSizeFull();
        search.setPlaceholder("Search name, description, tag");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.addValueChangeListener(change -> filter());
        newModel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newModel.addClickListener(click -> openNewModel());

        models.addColumn(Model::name).setHeader("Model").setSortable(true).setAutoWidth(true);
        models.addColumn(model -> String.join(", ", model.tagsOrNone())).setHeader("Tags").setAutoWidth(true);
        models.addColumn(model -> version(model.rolloutOrNone().production())).setHeader("Production").setAutoWidth(true);
        models.addColumn(model -> RolloutPlan.split(model.rolloutOrNone())).setHeader("Traffic").setAutoWidth(true);
        models.addColumn(model -> health.of(model)).setHeader("Health").setAutoWidth(true);
        models.addColumn(Model::versionCount).setHeader("Versions").setAutoWidth(true);
        models.addColumn(model -> model.description() == null ? "" : model.description()).setHeader("Description");
        models.addItemClickListener(click -> open(click.getItem().name()));
        models.setSizeFull();

        Button upload = new Button("Create a model", click -> openNewModel());
        emptyState.add(new Paragraph("No models yet — upload one. Create a model, then upload its first ONNX version on its page."), upload);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout toolbar = new HorizontalLayout(search, newModel);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Models"), toolbar, error, emptyState, models);
        reload();
    }

    void reload() {
        try {
            all = client.list();
            // read once per reload, not per rendered row
            health = client.productionHealth();
            error.setVisible(false);
        } catch (ApiException failed) {
            all = List.of();
            error.setText(failed.getMessage());
            error.setVisible(true);
        }
        filter();
    }

    private void filter() {
        String term = search.getValue().strip().toLowerCase(Locale.ROOT);
        List<Model> shown = all.stream().filter(model -> matches(model, term)).toList();
        models.setItems(shown);
        emptyState.setVisible(all.isEmpty() && !error.isVisible());
        models.setVisible(!all.isEmpty());
    }

    static boolean matches(Model model, String term) {
        return term.isEmpty() || model.name().toLowerCase(Locale.ROOT).contains(term)
                || (model.description() != null && model.description().toLowerCase(Locale.ROOT).contains(term))
                || model.tagsOrNone().stream().anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains(term));
    }

    private void openNewModel() {
        new NewModelDialog(client, created -> open(created.name())).open();
    }

    private void open(String name) {
        getUI().ifPresent(ui -> ui.navigate(ModelView.class, new RouteParameters("name", name)));
    }

    static String version(Integer version) {
        return version == null ? "—" : "v" + version;
    }
}
