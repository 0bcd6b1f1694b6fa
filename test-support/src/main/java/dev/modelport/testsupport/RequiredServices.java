package dev.modelport.testsupport;

import java.util.Map;

/**
 * Whether a test whose outside service (Redis, RabbitMQ, shellcheck) is missing must fail instead of
 * skipping: under {@code bin/test} ({@code MODELPORT_REQUIRE_SERVICES=true}) and whenever {@code CI}
 * is set, so a green CI run never proves less than it says.
 */
public final class RequiredServices {

    private RequiredServices() {
    }

    public static boolean required() {
        return required(System.getenv());
    }

    static boolean required(Map<String, String> environment) {
        String ci = environment.getOrDefault("CI", "");
        return "true".equalsIgnoreCase(environment.get("MODELPORT_REQUIRE_SERVICES"))
                || (!ci.isBlank() && !"false".equalsIgnoreCase(ci) && !"0".equals(ci));
    }

    /** Fails when the service is required; otherwise returns whether the test can run. */
    public static boolean available(boolean reachable, String what) {
        if (!reachable && required()) {
            throw new AssertionError(what + " is not available, and the run requires it (CI or MODELPORT_REQUIRE_SERVICES=true; "
                    + "bin/test installs and starts it)");
        }
        return reachable;
    }
}
