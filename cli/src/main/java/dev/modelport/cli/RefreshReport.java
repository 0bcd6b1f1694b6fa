package dev.modelport.cli;

import java.io.PrintStream;
import java.util.List;

/** The lines {@code bin/platform refresh} prints, one per instance, in the layout README shows. */
final class RefreshReport {

    private final PrintStream out;

    RefreshReport(PrintStream out) {
        this.out = out;
    }

    void viaBus(String busAddress) {
        out.println("Sent one refresh over the bus (" + busAddress + ") through config-server; each instance reloads:");
    }

    void oneByOne() {
        out.println("No bus: refreshing each instance through its /actuator/refresh:");
    }

    void refreshed(RefreshCommand.Instance instance, List<String> changedKeys) {
        line(instance, describeChange(changedKeys));
    }

    void failed(RefreshCommand.Instance instance, String why) {
        line(instance, "refresh failed: " + why);
    }

    void notSeen(RefreshCommand.Instance instance, long timeoutSeconds) {
        line(instance, "no refresh seen within " + timeoutSeconds + " s (on the bus? see bin/platform logs " + instance.name() + ")");
    }

    static String describeChange(List<String> changedKeys) {
        return changedKeys.isEmpty() ? "refreshed; nothing changed" : "refreshed; changed: " + String.join(", ", changedKeys);
    }

    private void line(RefreshCommand.Instance instance, String text) {
        out.printf("  %-18s :%-5s %s%n", instance.name(), instance.port(), text);
    }
}
