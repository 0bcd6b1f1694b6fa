package dev.modelport.admin.metrics;

import static dev.modelport.admin.metrics.MetricsTestData.T1;
import static dev.modelport.admin.metrics.MetricsTestData.T2;
import static dev.modelport.admin.metrics.MetricsTestData.WINDOW;
import static dev.modelport.admin.metrics.MetricsTestData.point;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.admin.metrics.Timeline.Slot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void ofWhenBucketsMissingThenEveryBucketOfTheWindowWithZeroRequests() {
        List<Slot> slots = Timeline.of(WINDOW, List.of(point(T1, 20, 1)));

        assertThat(slots).hasSize(90);
        assertThat(slots.getFirst().start()).isEqualTo(WINDOW.from());
        assertThat(slots).filteredOn(slot -> slot.start().equals(T1)).singleElement()
                .satisfies(slot -> assertThat(slot.requestsPerSecond()).isEqualTo(2.0));
        assertThat(slots).filteredOn(slot -> !slot.start().equals(T1))
                .allSatisfy(slot -> assertThat(slot.requestsPerSecond()).isZero());
    }

    @Test
    void ofWhenNewestBucketStillFillingThenRateOverItsSecondsSoFar() {
        Instant current = Instant.parse("2026-11-22T10:00:00Z");

        Slot last = Timeline.of(WINDOW, List.of(point(current, 6, 0))).getLast();

        assertThat(last.start()).isEqualTo(current);
        assertThat(last.seconds()).isEqualTo(3.0);
        assertThat(last.requestsPerSecond()).isEqualTo(2.0);
    }

    @Test
    void secondsWhenFifteenMinuteWindowThenFromOldestBucketToNow() {
        assertThat(Timeline.seconds(WINDOW)).isEqualTo(893.0);
        assertThat(Timeline.of(WINDOW, List.of(point(T2, 1, 0)))).extracting(Slot::hadRequests).containsOnlyOnce(true);
    }
}
