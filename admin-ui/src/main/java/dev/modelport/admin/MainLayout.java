package dev.modelport.admin;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.modelport.admin.audit.AuditView;
import dev.modelport.admin.clients.ClientsView;
import dev.modelport.admin.metrics.MetricsView;
import dev.modelport.admin.models.ModelsView;
import dev.modelport.admin.workers.WorkersView;
import jakarta.annotation.security.PermitAll;

/** The console's frame: navigation on the left, the signed-in admin and sign-out on top. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    final Button signOut;

    MainLayout(AuthenticationContext authentication) {
        Span title = new Span("ModelPort");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Span user = new Span(authentication.getPrincipalName().orElse(""));
        // ends the console session, then auth-service's (OIDC RP-initiated logout)
        signOut = new Button("Sign out", click -> authentication.logout());
        HorizontalLayout header = new HorizontalLayout(title, user, signOut);
        header.setWidthFull();
        header.setPadding(true);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        addToNavbar(header);

        SideNav navigation = new SideNav();
        navigation.addItem(new SideNavItem("Models", ModelsView.class),
                new SideNavItem("API clients", ClientsView.class),
                new SideNavItem("Metrics", MetricsView.class),
                new SideNavItem("Workers", WorkersView.class),
                new SideNavItem("Audit log", AuditView.class));
        addToDrawer(navigation);
    }
}
