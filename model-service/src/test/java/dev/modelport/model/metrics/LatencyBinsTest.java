package dev.modelport.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LatencyBinsTest {

    @Test
    void ofWhenOutsideTheRangeThenEdgeBins() {
        assertThat(LatencyBins.of(1_000)).isZero();
        assertThat(LatencyBins.of(120_000_000_000L)).isEqualTo(LatencyBins.COUNT - 1);
        assertThat(LatencyBins.valueMs(LatencyBins.COUNT - 1)).isGreaterThanOrEqualTo(LatencyBins.MAX_MS);
    }

    @Test
    void valueMsWhenInsideTheRangeThenWithinFivePercent() {
        for (double ms = LatencyBins.MIN_MS; ms < LatencyBins.MAX_MS; ms *= 1.0137) {
            long nanos = (long) (ms * 1e6);
            assertThat(LatencyBins.valueMs(LatencyBins.of(nanos))).as("%s ms", ms).isCloseTo(nanos / 1e6, withinPercentage(5));
        }
    }

    @Test
    void percentileMsWhenEmptyThenNull() {
        assertThat(LatencyBins.percentileMs(new TreeMap<>(), 0.5)).isNull();
    }
}
