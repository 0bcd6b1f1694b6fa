package dev.modelport.e2e;

import java.time.Duration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the platform the system tests share once the whole run is over, whichever class
 * started it and whether or not it passed, so {@code ./mvnw verify} leaves no process behind.
 */
public class StackShutdown implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Platform platform = Platform.fromSystemProperties();
        if (!platform.hasStarted()) {
            return;
        }
        try {
            Platform.Result down = platform.run(Duration.ofMinutes(2), "down");
            System.out.println("bin/platform down after the system tests:\n" + down.output());
        } catch (Exception e) {
            System.err.println("bin/platform down after the system tests failed: " + e);
        }
    }
}
