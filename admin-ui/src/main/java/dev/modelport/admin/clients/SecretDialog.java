package dev.modelport.admin.clients;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.modelport.admin.clients.ClientsClient.IssuedSecret;

/** Shows a client's secret the one time it is known, with a copy button. */
class SecretDialog extends Dialog {

    final TextField clientId = new TextField("Client ID");
    final TextField secret = new TextField("Client secret");
    final Button copy = new Button("Copy secret");
    final Paragraph copied = new Paragraph();

    SecretDialog(IssuedSecret issued) {
        setHeaderTitle("Secret of " + issued.clientId());
        clientId.setValue(issued.clientId());
        secret.setValue(issued.clientSecret());
        for (TextField field : new TextField[] {clientId, secret}) {
            field.setReadOnly(true);
            field.setWidth("28em");
        }
        // a read-only field still lets the admin select the text by hand
        secret.addFocusListener(focus -> secret.getElement().executeJs("this.inputElement.select()"));
        Clipboard.onClick(copy).writeText(secret, done -> copied.setText("Copied."), failed -> copied.setText(
                "The browser did not allow copying; select the secret and copy it by hand."));
        HorizontalLayout secretRow = new HorizontalLayout(secret, copy);
        secretRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new Paragraph("This is the only time the secret is shown. Store it now; rotate it if it is lost."),
                clientId, secretRow, copied);
        Button done = new Button("Done", click -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
