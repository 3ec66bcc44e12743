package dev.aft.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Generates every family at its default size (one warm-up run, then three timed runs of generation plus JSONL
 * serialization) and prints a table: family, documents, tests, facts, bytes of JSONL, median milliseconds.
 * Run it with {@code libs/knowledge/benchmark.sh}.
 */
public final class GenerationBenchmark {

    private static final int TIMED_RUNS = 3;
    private static final long SEED = 1L;

    private GenerationBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("%-20s %9s %7s %7s %11s %10s%n", "family", "documents", "tests", "facts", "jsonl bytes",
                "median ms");
        for (String family : Families.names()) {
            DatasetGenerator generator = Families.generator(family);
            Dataset dataset = generator.generate(Map.of(), SEED);
            long bytes = jsonlBytes(dataset);
            List<Double> millis = new ArrayList<>();
            for (int run = 0; run < TIMED_RUNS; run++) {
                long start = System.nanoTime();
                jsonlBytes(generator.generate(Map.of(), SEED));
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            System.out.printf("%-20s %9d %7d %7d %11d %10.1f%n", family, dataset.documents().size(),
                    dataset.tests().size(), dataset.facts().size(), bytes, millis.get(TIMED_RUNS / 2));
        }
    }

    private static long jsonlBytes(Dataset dataset) {
        return DatasetJsonl.documents(dataset).length + (long) DatasetJsonl.tests(dataset).length
                + DatasetJsonl.facts(dataset).length;
    }
}
