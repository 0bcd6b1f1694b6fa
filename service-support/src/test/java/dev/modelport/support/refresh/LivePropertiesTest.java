package dev.modelport.support.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Min;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class LivePropertiesTest {

    /** A settings record as the services have them. */
    record Limits(@DefaultValue("10") @Min(1) int burst, @DefaultValue("free") String tier) {
    }

    private final MockEnvironment environment = new MockEnvironment();
    private final LiveProperties<Limits> limits = new LiveProperties<>("test.limits", Limits.class, "test limits",
            new Limits(10, "free"), environment);

    @Test
    void refreshWhenKeyUnderPrefixChangedThenNewSettingsInForce(CapturedOutput output) {
        environment.setProperty("test.limits.burst", "25");

        assertThat(limits.refresh(Set.of("test.limits.burst"))).contains(new Limits(25, "free"));
        assertThat(limits.current()).isEqualTo(new Limits(25, "free"));
        assertThat(output).contains("test limits now Limits[burst=25, tier=free]");
    }

    @Test
    void refreshWhenChangeInvalidThenLoggedAndSettingsInForceStay(CapturedOutput output) {
        environment.setProperty("test.limits.burst", "0");

        assertThat(limits.refresh(Set.of("test.limits.burst"))).isEmpty();
        assertThat(limits.current()).isEqualTo(new Limits(10, "free"));
        assertThat(output).contains("kept the test limits in force").contains("burst");
    }

    @Test
    void refreshWhenOnlyOtherKeysChangedThenNotRebound() {
        Limits before = limits.current();
        environment.setProperty("test.limits.burst", "99");

        assertThat(limits.refresh(Set.of("logging.level.root", "test.limitsx.burst"))).isEmpty();
        assertThat(limits.current()).isSameAs(before);
    }
}
