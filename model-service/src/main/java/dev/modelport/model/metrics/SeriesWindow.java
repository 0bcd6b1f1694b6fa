package dev.modelport.model.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How far back a metrics series goes, as the API's {@code window} parameter names it. */
public enum SeriesWindow {

    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    HOUR("1h", Duration.ofHours(1));

    private final String parameter;
    private final Duration length;

    SeriesWindow(String parameter, Duration length) {
        this.parameter = parameter;
        this.length = length;
    }

    public static Optional<SeriesWindow> of(String parameter) {
        return Arrays.stream(values()).filter(window -> window.parameter.equals(parameter)).findFirst();
    }

    /** The values {@link #of} accepts, for error messages. */
    public static String accepted() {
        return String.join(" or ", Arrays.stream(values()).map(SeriesWindow::parameter).toList());
    }

    public String parameter() {
        return parameter;
    }

    /** How many 10-second buckets it spans, the current one included. */
    int buckets() {
        return (int) (length.toMillis() / TrafficRing.BUCKET_MILLIS);
    }
}
