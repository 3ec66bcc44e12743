package dev.aft.eval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aft.contracts.events.SplitMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void splitsComeFirstThenTheirSubTypesWithSampleStandardErrorAndChance() {
        List<ItemResult> items = List.of(
                item("a", "reversal", "comparison", 2, 0, 0),
                item("b", "reversal", "comparison", 2, 1, 0),
                item("c", "reversal", "antonym", 4, 2, 2),
                item("d", "forward", "", 2, 1, 1));
        List<SplitMetrics> rows = Metrics.of(items);
        assertThat(rows).extracting(SplitMetrics::split, SplitMetrics::subType, SplitMetrics::n).containsExactly(
                org.assertj.core.groups.Tuple.tuple("reversal", null, 3),
                org.assertj.core.groups.Tuple.tuple("reversal", "comparison", 2),
                org.assertj.core.groups.Tuple.tuple("reversal", "antonym", 1),
                org.assertj.core.groups.Tuple.tuple("forward", null, 1));
        SplitMetrics reversal = rows.get(0);
        assertThat(reversal.acc()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(reversal.stderr()).isCloseTo(Math.sqrt((2.0 / 3) * (1.0 / 3) / 2), within(1e-12));
        assertThat(reversal.chance()).isCloseTo((0.5 + 0.5 + 0.25) / 3, within(1e-12));
        assertThat(rows.get(2).stderr()).as("one item: no spread").isZero();
    }

    @Test
    void theIntervalIsClippedToTheUnitRange() {
        assertThat(Metrics.interval95(0.95, 0.05)).containsExactly(new double[] {0.95 - 0.098, 1.0}, within(1e-12));
        assertThat(Metrics.interval95(0.0, 0.0)).containsExactly(0.0, 0.0);
    }

    private static ItemResult item(String id, String split, String subType, int options, int predicted, int answer) {
        return new ItemResult(id, split, subType, new double[options], new int[options], predicted, predicted, answer);
    }
}
