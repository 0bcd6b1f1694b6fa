package dev.modelport.admin;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The console admins run ModelPort from. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
public class AdminUiApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AdminUiApplication.class, args);
    }
}
