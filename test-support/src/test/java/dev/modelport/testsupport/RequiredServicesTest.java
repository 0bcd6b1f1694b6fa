package dev.modelport.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredServicesTest {

    @Test
    void requiredWhenCiOrBinTestThenTrueOtherwiseFalse() {
        assertThat(RequiredServices.required(Map.of())).isFalse();
        assertThat(RequiredServices.required(Map.of("CI", "true"))).isTrue();
        assertThat(RequiredServices.required(Map.of("CI", "1"))).isTrue();
        assertThat(RequiredServices.required(Map.of("CI", "false"))).isFalse();
        assertThat(RequiredServices.required(Map.of("CI", ""))).isFalse();
        assertThat(RequiredServices.required(Map.of("MODELPORT_REQUIRE_SERVICES", "true"))).isTrue();
        assertThat(RequiredServices.required(Map.of("MODELPORT_REQUIRE_SERVICES", "false"))).isFalse();
    }
}
