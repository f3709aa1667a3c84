package org.milkmobs.bootstrap.bench;

import java.util.List;

/** The nearest-rank percentile the benchmarks print. */
final class Percentiles {

    private Percentiles() {
    }

    static double of(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
