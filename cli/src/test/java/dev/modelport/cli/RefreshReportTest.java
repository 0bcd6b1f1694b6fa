package dev.modelport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshReportTest {

    @Test
    void refreshedWhenKeysChangedThenOneAlignedLineAsReadmeShows() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new RefreshReport(new PrintStream(out, true, StandardCharsets.UTF_8)).refreshed(
                new RefreshCommand.Instance("model-service-1", "model-service", 8081),
                List.of("config.client.version", "modelport.inference.models.iris.max-batch-size"));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "  model-service-1    :8081  refreshed; changed: config.client.version, modelport.inference.models.iris.max-batch-size"
                        + System.lineSeparator());
    }

    @Test
    void describeChangeWhenNoKeysThenNothingChanged() {
        assertThat(RefreshReport.describeChange(List.of())).isEqualTo("refreshed; nothing changed");
    }
}
