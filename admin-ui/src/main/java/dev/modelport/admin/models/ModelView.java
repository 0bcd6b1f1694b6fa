package dev.modelport.admin.models;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.modelport.admin.audit.AuditClient;
import dev.modelport.admin.models.ModelRecords.Model;
import dev.modelport.admin.models.ModelRecords.ModelVersion;
import dev.modelport.admin.platform.ApiException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;

/** One model: its versions and signatures, uploads, rollout and a place to try it. */
@Route("models/:name")
@RolesAllowed("ADMIN")
public class ModelView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Paragraph description = new Paragraph();
    final Span traffic = new Span();
    final Paragraph error = new Paragraph();
    final TabSheet tabs = new TabSheet();
    VersionsPanel versions;
    UploadPanel upload;
    RolloutPanel rollout;
    TryItPanel tryIt;
    private final ModelsClient models;
    private final AuditClient audit;
    private String name = "";

    ModelView(ModelsClient models, AuditClient audit) {
        this.models = models;
        this.audit = audit;
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        tabs.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        name = event.getRouteParameters().get("name").orElse("");
        removeAll();
        versions = new VersionsPanel();
        upload = new UploadPanel(models, name, uploaded -> refresh());
        rollout = new RolloutPanel(models, audit, name, this::refresh);
        tryIt = new TryItPanel(models, name);
        tabs.getChildren().toList().forEach(tabs::remove);
        tabs.add("Versions", versions);
        tabs.add("Upload", upload);
        tabs.add("Rollout", rollout);
        tabs.add("Try it", tryIt);
        title.setText(name);
        add(new RouterLink("← Models", ModelsView.class), title, description, traffic, error, tabs);
        refresh();
    }

    void refresh() {
        try {
            Model model = models.get(name);
            List<ModelVersion> all = models.versions(name);
            error.setVisible(false);
            tabs.setVisible(true);
            description.setText(model.description() == null ? "" : model.description());
            description.setVisible(!description.getText().isBlank());
            traffic.setText("Traffic: " + RolloutPlan.split(model.rolloutOrNone())
                    + (model.tagsOrNone().isEmpty() ? "" : " · tags: " + String.join(", ", model.tagsOrNone())));
            versions.show(all);
            rollout.show(model.rolloutOrNone(), all);
            Integer production = model.rolloutOrNone().production();
            tryIt.show(all.stream().filter(version -> Objects.equals(version.version(), production))
                    .findFirst().map(ModelVersion::signature).orElse(null));
        } catch (ApiException failed) {
            error.setText(failed.getMessage());
            error.setVisible(true);
            tabs.setVisible(failed.status() != 404);
        }
    }

    @Override
    public String getPageTitle() {
        return name + " · ModelPort";
    }
}
