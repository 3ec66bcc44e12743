package dev.aft.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.content.ContentFetcher;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.report.config.ReportServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-item drill-down: each condition's {@code items.jsonl} (eval-service's per-item scores, read through
 * the claim check in {@code EvaluationCompleted}), joined by item: which option each condition predicted and
 * whether it was right. Verified content is immutable (its sha256 is fixed), so it is cached by hash.
 */
@ApplicationScoped
public class ItemScores {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CACHED = 64;

    /** One test item across conditions. */
    public record Item(String id, String split, String subType, int answer, Map<String, Verdict> conditions) {
    }

    /** What one condition made of an item. */
    public record Verdict(int predicted, boolean correct, int predictedNorm, boolean correctNorm) {
    }

    /** The drill-down: items in dataset order, wrong answers counted per condition, and conditions whose items could not be read. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Drilldown(String experimentId, List<String> conditions, Map<String, Integer> wrong,
            Map<String, Integer> wrongNorm, List<Item> items, Map<String, String> errors) {
    }

    private final ContentFetcher fetcher;
    private final Map<String, byte[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    });

    public ItemScores(ReportServiceConfig config) {
        this.fetcher = new ContentFetcher(config.content().timeout(), config.content().attempts(),
                (message, cause) -> new IllegalStateException(message, cause));
    }

    /** Blocking (HTTP): call on a worker thread. {@code only}: one condition, or null for all. */
    public Drilldown drilldown(String experimentId, Map<String, EventEnvelope<?>> results, List<String> order,
            String only) {
        Map<String, Item> items = new LinkedHashMap<>();
        Map<String, Integer> wrong = new LinkedHashMap<>();
        Map<String, Integer> wrongNorm = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (String condition : order) {
            if (only != null && !only.equals(condition)) {
                continue;
            }
            EventEnvelope<?> event = results.get("evaluation:" + condition);
            if (event == null || !(event.payload() instanceof EvaluationCompleted evaluation)) {
                continue;
            }
            conditions.add(condition);
            try {
                int misses = 0;
                int missesNorm = 0;
                for (String line : new String(content(evaluation), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = JSON.readTree(line);
                    String id = node.path("id").asText();
                    String split = node.path("split").asText();
                    Item item = items.computeIfAbsent(split + "/" + id, k -> new Item(id, split,
                            node.path("subType").isNull() ? null : node.path("subType").asText(null),
                            node.path("answer").asInt(), new LinkedHashMap<>()));
                    Verdict verdict = new Verdict(node.path("predicted").asInt(), node.path("correct").asBoolean(),
                            node.path("predictedNorm").asInt(), node.path("correctNorm").asBoolean());
                    item.conditions().put(condition, verdict);
                    misses += verdict.correct() ? 0 : 1;
                    missesNorm += verdict.correctNorm() ? 0 : 1;
                }
                wrong.put(condition, misses);
                wrongNorm.put(condition, missesNorm);
            } catch (IOException | RuntimeException e) {
                errors.put(condition, e.getMessage());
            }
        }
        return new Drilldown(experimentId, conditions, wrong, wrongNorm, List.copyOf(items.values()), errors);
    }

    private byte[] content(EvaluationCompleted evaluation) {
        byte[] cached = cache.get(evaluation.itemsContent().sha256());
        if (cached != null) {
            return cached;
        }
        byte[] bytes = fetcher.fetch(evaluation.itemsContent(), "items.jsonl");
        cache.put(evaluation.itemsContent().sha256(), bytes);
        return bytes;
    }
}
