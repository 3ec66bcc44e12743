package dev.aft.eval.domain;

import dev.aft.contracts.events.SplitMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy per split and per sub-type of a split, as lm-evaluation-harness reports it: {@code acc},
 * {@code acc_norm}, and the standard error of the mean of {@code acc} with the sample standard deviation
 * ({@code sqrt(acc (1 - acc) / (n - 1))}, 0 for a single item), plus the chance level (mean of 1 / options).
 */
public final class Metrics {

    /** The two-sided 95% normal quantile used for the intervals. */
    public static final double Z95 = 1.96;

    private Metrics() {
    }

    /** Rows for every split (sub-type absent), each followed by rows for its non-empty sub-types, in order of first appearance. */
    public static List<SplitMetrics> of(List<ItemResult> items) {
        Map<String, List<ItemResult>> bySplit = new LinkedHashMap<>();
        for (ItemResult item : items) {
            bySplit.computeIfAbsent(item.split(), k -> new ArrayList<>()).add(item);
        }
        List<SplitMetrics> rows = new ArrayList<>();
        bySplit.forEach((split, splitItems) -> {
            rows.add(row(split, null, splitItems));
            Map<String, List<ItemResult>> bySubType = new LinkedHashMap<>();
            for (ItemResult item : splitItems) {
                if (item.subType() != null && !item.subType().isEmpty()) {
                    bySubType.computeIfAbsent(item.subType(), k -> new ArrayList<>()).add(item);
                }
            }
            bySubType.forEach((subType, subItems) -> rows.add(row(split, subType, subItems)));
        });
        return rows;
    }

    static SplitMetrics row(String split, String subType, List<ItemResult> items) {
        int n = items.size();
        double acc = items.stream().filter(ItemResult::correct).count() / (double) n;
        double accNorm = items.stream().filter(ItemResult::correctNorm).count() / (double) n;
        double chance = items.stream().mapToDouble(i -> 1.0 / i.options()).sum() / n;
        return new SplitMetrics(split, subType, n, acc, accNorm, stderr(acc, n), Math.min(1.0, chance));
    }

    /** lm-eval's {@code mean_stderr} of a 0/1 metric: the sample standard deviation over {@code sqrt(n)}. */
    public static double stderr(double accuracy, int n) {
        if (n <= 1) {
            return 0.0;
        }
        return Math.sqrt(accuracy * (1 - accuracy) / (n - 1));
    }

    /** {@code value ± 1.96 stderr}, clipped to [0, 1]. */
    public static double[] interval95(double value, double stderr) {
        return new double[] {Math.max(0.0, value - Z95 * stderr), Math.min(1.0, value + Z95 * stderr)};
    }
}
