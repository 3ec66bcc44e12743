package dev.aft.eval.domain;

import dev.aft.contracts.plan.IclContext;
import dev.aft.contracts.plan.IclOptions;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;

/**
 * Builds the in-context condition's context as the plan's {@link IclOptions} say, within the model's context
 * length (minus room for the longest question and option):
 * <ul>
 *   <li>{@code all}: every training document; if they do not fit, the evaluation fails (never truncated);</li>
 *   <li>{@code subsample}: every k-th document after a seeded shuffle (the paper's 8x subsample); fails if even
 *       that does not fit;</li>
 *   <li>{@code retrieve}: per question, the documents sharing the most (rare) words with it, as many as fit.</li>
 * </ul>
 * Token counts come from the backend ({@link TokenCounter}), so they are the ones the scoring requests pay.
 */
public final class ContextPlanner {

    private static final String SEPARATOR = "\n\n";

    private final String instruction;
    private final int contextLength;
    private final int reserveTokens;
    private final TokenCounter counter;

    public ContextPlanner(String instruction, int contextLength, int reserveTokens, TokenCounter counter) {
        this.instruction = instruction == null ? "" : instruction.strip();
        this.contextLength = contextLength;
        this.reserveTokens = reserveTokens;
        this.counter = counter;
    }

    /** The context text for these documents: the instruction, the documents one per line, then a blank line. */
    public String text(List<Document> documents) {
        StringBuilder text = new StringBuilder();
        if (!instruction.isEmpty()) {
            text.append(instruction).append(SEPARATOR);
        }
        for (int i = 0; i < documents.size(); i++) {
            text.append(documents.get(i).text().strip()).append(i + 1 < documents.size() ? "\n" : SEPARATOR);
        }
        return text.toString();
    }

    /** For each item, its context (the same object for every item unless documents are retrieved per item). */
    public Function<TestItem, InContext> plan(List<Document> documents, IclOptions options, List<TestItem> items,
            String modelId) {
        int budget = budget(items);
        return switch (options.context()) {
            case ALL -> shared(documents, budget, modelId, "all " + documents.size() + " training documents",
                    "use subsample or retrieve in the plan's icl options");
            case SUBSAMPLE -> shared(subsample(documents, options.subsampleFactor(), options.seed()), budget, modelId,
                    "the " + options.subsampleFactor() + "x subsample of the training documents",
                    "use a larger subsample factor or retrieve");
            case RETRIEVE -> retrieving(documents, budget);
        };
    }

    /** Tokens left for documents: the context length minus the longest question + option and the reserve. */
    int budget(List<TestItem> items) {
        String longest = items.stream()
                .map(i -> i.prefix() + MultipleChoice.TARGET_DELIMITER + i.options().stream()
                        .max(Comparator.comparingInt(String::length)).orElse(""))
                .max(Comparator.comparingInt(String::length)).orElse("");
        int question = count(longest).orElseThrow(() -> new EvaluationFailure(
                "the longest question with its option does not fit the model's context of " + contextLength
                        + " tokens by itself"));
        int budget = contextLength - question - reserveTokens;
        if (budget <= 0) {
            throw new EvaluationFailure("no room for documents: the model's context is " + contextLength
                    + " tokens and the longest question with its option takes " + question + " (+" + reserveTokens
                    + " reserved)");
        }
        return budget;
    }

    private Function<TestItem, InContext> shared(List<Document> chosen, int budget, String modelId, String what,
            String advice) {
        String text = text(chosen);
        OptionalInt tokens = count(text);
        if (tokens.isEmpty() || tokens.getAsInt() > budget) {
            throw new EvaluationFailure("the in-context condition does not fit: " + what + " take "
                    + (tokens.isPresent() ? tokens.getAsInt() + " tokens" : "more tokens than the whole context")
                    + ", but model " + modelId + " has a context of " + contextLength + " tokens, leaving " + budget
                    + " for documents after the longest question; refusing to truncate (" + advice + ")");
        }
        InContext context = new InContext(text, chosen.size(), tokens.getAsInt());
        return item -> context;
    }

    private OptionalInt count(String text) {
        return text.isEmpty() ? OptionalInt.of(0) : counter.count(text);
    }

    /** Every k-th document of a seeded shuffle, kept in the dataset's order. */
    public static List<Document> subsample(List<Document> documents, int factor, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < order.size(); i += factor) {
            kept.add(order.get(i));
        }
        Collections.sort(kept);
        return kept.stream().map(documents::get).toList();
    }

    private Function<TestItem, InContext> retrieving(List<Document> documents, int budget) {
        Retrieval retrieval = new Retrieval(documents);
        double tokensPerChar = tokensPerChar(documents);
        int instructionTokens = count(text(List.of())).orElse(0);
        return item -> {
            List<Integer> ranked = retrieval.rank(item);
            List<Integer> chosen = new ArrayList<>();
            double estimate = instructionTokens;
            for (int d : ranked) {
                double tokens = documents.get(d).text().length() * tokensPerChar * 1.1 + 2;
                if (estimate + tokens <= budget) {
                    chosen.add(d);
                    estimate += tokens;
                }
            }
            while (true) {
                List<Document> inOrder = chosen.stream().sorted().map(documents::get).toList();
                String text = text(inOrder);
                OptionalInt tokens = count(text);
                if (tokens.isPresent() && tokens.getAsInt() <= budget) {
                    return new InContext(text, inOrder.size(), tokens.getAsInt());
                }
                if (chosen.isEmpty()) {
                    throw new EvaluationFailure("the instruction alone does not fit the model's context");
                }
                chosen.remove(chosen.size() - 1);
            }
        };
    }

    /** Tokens per character of the documents, measured on as many of them as fit the context. */
    private double tokensPerChar(List<Document> documents) {
        List<Document> sample = new ArrayList<>();
        int chars = 0;
        for (Document document : documents) {
            if (chars + document.text().length() > 4L * contextLength) {
                break;
            }
            sample.add(document);
            chars += document.text().length();
        }
        while (!sample.isEmpty()) {
            String text = text(sample);
            OptionalInt tokens = count(text);
            if (tokens.isPresent()) {
                return Math.max(0.05, tokens.getAsInt() / (double) Math.max(1, text.length()));
            }
            sample = sample.subList(0, sample.size() / 2);
        }
        return 1.0;
    }
}
