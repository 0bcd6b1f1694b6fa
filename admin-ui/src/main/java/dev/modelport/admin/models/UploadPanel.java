package dev.modelport.admin.models;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.server.streams.UploadEvent;
import dev.modelport.admin.models.ModelRecords.ModelVersion;
import dev.modelport.admin.platform.ApiException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Upload a new version: drag and drop or pick an .onnx file. The browser sends the raw file
 * and the console passes the stream on to model-service while it arrives, so a 500 MB model
 * never sits in the console's memory.
 */
class UploadPanel extends VerticalLayout {

    static final int MAX_BYTES = 512 * 1024 * 1024;

    final TextField description = new TextField("Description of the new version");
    final Upload upload = new Upload();
    final Paragraph error = new Paragraph();
    final Paragraph result = new Paragraph();
    final SignatureTable signature = new SignatureTable();
    private final ModelsClient models;
    private final String model;
    private final Consumer<ModelVersion> uploaded;
    private volatile String descriptionText = "";

    UploadPanel(ModelsClient models, String model, Consumer<ModelVersion> uploaded) {
        this.models = models;
        this.model = model;
        this.uploaded = uploaded;
        setPadding(false);
        description.setWidth("30em");
        // read by the upload request, which runs without the session lock
        description.addValueChangeListener(change -> descriptionText = change.getValue());
        upload.setUploadHandler(this::receive);
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setAcceptedFileTypes(".onnx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setDropAllowed(true);
        // these round trips bring what the upload request changed to the browser
        upload.getElement().addEventListener("upload-start", start -> clearMessages());
        upload.getElement().addEventListener("upload-success", done -> upload.clearFileList());
        upload.getElement().addEventListener("upload-error", done -> { });
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        signature.setVisible(false);
        result.setVisible(false);
        error.setVisible(false);
        add(description, upload, error, result, signature);
    }

    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        try (InputStream content = event.getInputStream()) {
            ModelVersion version = models.upload(model, event.getFileName(), event.getFileSize(), content, descriptionText);
            ui.access(() -> succeeded(version));
        } catch (ApiException refused) {
            ui.access(() -> failed(refused.getMessage()));
            event.reject(refused.getMessage());
        } catch (java.io.IOException interrupted) {
            ui.access(() -> failed("the upload was interrupted: " + interrupted.getMessage()));
            event.reject("interrupted");
        }
    }

    void succeeded(ModelVersion version) {
        result.setText("Uploaded v" + version.version() + " (sha256 " + VersionsPanel.shortSha(version.sha256()) + ", "
                + VersionsPanel.size(version.sizeBytes()) + "). Its signature:");
        result.setVisible(true);
        signature.show(version.signature());
        signature.setVisible(true);
        error.setVisible(false);
        uploaded.accept(version);
    }

    void failed(String message) {
        error.setText(message);
        error.setVisible(true);
        result.setVisible(false);
        signature.setVisible(false);
    }

    private void clearMessages() {
        error.setVisible(false);
        result.setVisible(false);
        signature.setVisible(false);
    }
}
