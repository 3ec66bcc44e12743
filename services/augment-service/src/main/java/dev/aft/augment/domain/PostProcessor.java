package dev.aft.augment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * One output through the pipeline: parse into candidates, drop echoes of the prompt, drop what is not
 * statement-shaped, drop duplicates (of the documents' sentences and of statements already kept), keep the rest.
 */
public final class PostProcessor {

    private final ShapeRules shape;
    private final EchoDetector echo;

    public PostProcessor(ShapeRules shape, EchoDetector echo) {
        this.shape = shape;
        this.echo = echo;
    }

    /** The result of one output: its counts and the statements kept, in output order. */
    public record Result(StepCounts counts, List<String> kept) {
    }

    public Result process(String output, Deduplicator deduplicator) {
        List<String> candidates = StatementParser.candidates(output);
        int echoes = 0;
        int misshapen = 0;
        int ofSource = 0;
        int duplicates = 0;
        List<String> kept = new ArrayList<>();
        for (String candidate : candidates) {
            if (echo.isEcho(candidate)) {
                echoes++;
            } else if (!shape.accepts(candidate)) {
                misshapen++;
            } else {
                switch (deduplicator.add(candidate)) {
                    case DUPLICATE_OF_SOURCE -> ofSource++;
                    case DUPLICATE -> duplicates++;
                    case NEW -> kept.add(candidate);
                }
            }
        }
        StepCounts counts = new StepCounts(1, candidates.isEmpty() ? 1 : 0, candidates.size(), echoes, misshapen,
                ofSource, duplicates, kept.size());
        return new Result(counts, List.copyOf(kept));
    }
}
