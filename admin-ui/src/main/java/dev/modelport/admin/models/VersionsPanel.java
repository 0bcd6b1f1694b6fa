package dev.modelport.admin.models;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.modelport.admin.models.ModelRecords.ModelVersion;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A model's versions, newest first, and the signature of the one selected. */
class VersionsPanel extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final Grid<ModelVersion> versions = new Grid<>();
    final H4 signatureTitle = new H4();
    final SignatureTable signature = new SignatureTable();
    final Paragraph empty = new Paragraph("No versions yet — upload one on the Upload tab.");

    VersionsPanel() {
        setPadding(false);
        versions.addColumn(version -> "v" + version.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(version -> shortSha(version.sha256())).setHeader("sha256").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(version -> size(version.sizeBytes())).setHeader("Size").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(ModelVersion::uploadedBy).setHeader("Uploaded by").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(version -> version.uploadedAt() == null ? "" : TIME.format(version.uploadedAt()))
                .setHeader("Uploaded").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(version -> version.description() == null ? "" : version.description()).setHeader("Description");
        versions.setAllRowsVisible(true);
        versions.asSingleSelect().addValueChangeListener(change -> showSignature(change.getValue()));
        add(empty, versions, signatureTitle, signature);
    }

    void show(List<ModelVersion> all) {
        List<ModelVersion> newestFirst = all.stream()
                .sorted((a, b) -> Integer.compare(b.version(), a.version())).toList();
        versions.setItems(newestFirst);
        empty.setVisible(newestFirst.isEmpty());
        versions.setVisible(!newestFirst.isEmpty());
        if (newestFirst.isEmpty()) {
            showSignature(null);
        } else {
            versions.select(newestFirst.getFirst());
        }
    }

    private void showSignature(ModelVersion version) {
        signatureTitle.setText(version == null ? "" : "Signature of v" + version.version());
        signatureTitle.setVisible(version != null);
        signature.setVisible(version != null);
        signature.show(version == null ? null : version.signature());
    }

    static String shortSha(String sha256) {
        return sha256 == null ? "" : sha256.substring(0, Math.min(12, sha256.length()));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
