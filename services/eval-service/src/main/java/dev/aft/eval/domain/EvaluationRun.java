package dev.aft.eval.domain;

import dev.aft.contracts.content.ContentFetcher;

import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.SplitMetrics;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.IclOptions;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import dev.aft.modelclient.Completion;
import dev.aft.modelclient.ModelApiException;
import dev.aft.modelclient.ModelClient;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Scores one evaluation, blocking: reads the dataset's tests (and, in context, its documents) through their
 * verified links, builds each item's context, sends one scoring request per item, and computes the metrics.
 * Any reason the scores would not be valid is an {@link EvaluationFailure}; an interrupt is a cancellation
 * (the evaluation stays to be picked up again).
 */
public final class EvaluationRun {

    /** What to evaluate. {@code documents} and {@code icl} matter only for the in-context condition. */
    public record Task(UUID evaluationId, Condition condition, String modelId, ContentLink tests,
            ContentLink documents, IclOptions icl) {
    }

    /** Settings of the in-context condition. */
    public record Settings(String instruction, int reserveTokens, int defaultContextLength) {
    }

    /** The result: per-item scores (and their JSONL), metrics, prompt tokens scored, and the context used. */
    public record Outcome(List<ItemResult> items, byte[] itemsJsonl, String itemsSha256, List<SplitMetrics> metrics,
            long promptTokens, Integer contextDocuments, Integer contextTokens, String contextSelection) {
    }

    /** Progress callback: {@code done} of {@code total} items scored. */
    public interface Progress {
        void report(int done, int total);
    }

    private final ContentFetcher fetcher;
    private final Settings settings;

    public EvaluationRun(ContentFetcher fetcher, Settings settings) {
        this.fetcher = fetcher;
        this.settings = settings;
    }

    public Outcome run(Task task, ModelClient client, Progress progress) {
        List<TestItem> items = readTests(task.tests());
        if (items.isEmpty()) {
            throw new EvaluationFailure("the dataset has no test items (" + task.tests().url() + ")");
        }
        try {
            Function<TestItem, InContext> contexts = task.condition() == Condition.ICL
                    ? inContext(task, items, client) : item -> InContext.NONE;
            progress.report(0, items.size());
            List<ItemResult> results = new ArrayList<>(items.size());
            long promptTokens = 0;
            long contextDocuments = 0;
            long contextTokens = 0;
            for (TestItem item : items) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("evaluation " + task.evaluationId() + " interrupted");
                }
                InContext context = contexts.apply(item);
                String prefix = context.text() + item.prefix();
                Completion.Response response = client.complete(Completion.Request.scoring(task.modelId(),
                        MultipleChoice.prompts(prefix, item.options())));
                results.add(ItemResult.of(item, MultipleChoice.scores(item.id(), prefix, item.options(), response)));
                promptTokens += response.usage() == null ? 0 : response.usage().promptTokens();
                contextDocuments += context.documents();
                contextTokens += context.tokens();
                progress.report(results.size(), items.size());
            }
            byte[] jsonl = ItemsJsonl.write(results);
            boolean icl = task.condition() == Condition.ICL;
            int n = results.size();
            return new Outcome(results, jsonl, ContentFetcher.sha256(jsonl), Metrics.of(results), promptTokens,
                    icl ? (int) Math.round(contextDocuments / (double) n) : null,
                    icl ? (int) Math.round(contextTokens / (double) n) : null,
                    icl ? task.icl().context().wireName() : null);
        } catch (ModelApiException e) {
            if (e.status() == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("evaluation " + task.evaluationId() + " interrupted");
            }
            throw new EvaluationFailure("the model backend failed for model " + task.modelId() + ": " + e.getMessage(), e);
        }
    }

    private Function<TestItem, InContext> inContext(Task task, List<TestItem> items, ModelClient client) {
        if (task.documents() == null || task.icl() == null) {
            throw new EvaluationFailure("the in-context condition needs the dataset's documents and icl options");
        }
        List<Document> documents = readDocuments(task.documents());
        int contextLength = client.model(task.modelId()).contextLength().orElse(settings.defaultContextLength());
        ContextPlanner planner = new ContextPlanner(settings.instruction(), contextLength, settings.reserveTokens(),
                new BackendTokenCounter(client, task.modelId()));
        return planner.plan(documents, task.icl(), items, task.modelId());
    }

    private List<TestItem> readTests(ContentLink link) {
        byte[] bytes = fetcher.fetch(link, "tests.jsonl");
        try {
            return DatasetJsonl.readTests(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            throw new EvaluationFailure("tests.jsonl at " + link.url() + " is not valid: " + e.getMessage(), e);
        }
    }

    private List<Document> readDocuments(ContentLink link) {
        byte[] bytes = fetcher.fetch(link, "documents.jsonl");
        try {
            return DatasetJsonl.readDocuments(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            throw new EvaluationFailure("documents.jsonl at " + link.url() + " is not valid: " + e.getMessage(), e);
        }
    }
}
