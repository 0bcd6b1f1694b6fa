package dev.modelport.admin.platform;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The services and instances that make up this ModelPort, as the registry sees them. */
@Route("platform")
@PageTitle("Platform · ModelPort")
@RolesAllowed("ADMIN")
public class PlatformView extends VerticalLayout {

    final Grid<PlatformServices.RunningInstance> instances = new Grid<>();
    final Paragraph emptyState = new Paragraph(
            "No service has registered yet. Start the platform with bin/platform up, then refresh.");
    final Button refresh = new Button("Refresh");
    private final PlatformServices services;

    PlatformView(PlatformServices services) {
        this.services = services;
        instances.addColumn(PlatformServices.RunningInstance::service).setHeader("Service").setAutoWidth(true);
        instances.addColumn(PlatformServices.RunningInstance::instanceId).setHeader("Instance").setAutoWidth(true);
        instances.addColumn(PlatformServices.RunningInstance::uri).setHeader("Address").setAutoWidth(true);
        refresh.addClickListener(click -> reload());
        add(new H2("Platform"), refresh, emptyState, instances);
        reload();
    }

    private void reload() {
        List<PlatformServices.RunningInstance> running = services.runningInstances();
        instances.setItems(running);
        emptyState.setVisible(running.isEmpty());
        instances.setVisible(!running.isEmpty());
    }
}
