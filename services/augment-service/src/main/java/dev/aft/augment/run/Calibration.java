package dev.aft.augment.run;

import dev.aft.augment.domain.PromptMarkers;
import dev.aft.augment.domain.PromptTemplate;
import dev.aft.augment.persistence.RunEntity;
import dev.aft.augment.persistence.RunStore;
import dev.aft.knowledge.Document;
import dev.aft.modelclient.Completion;
import dev.aft.modelclient.ModelApiException;
import dev.aft.modelclient.ModelClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures how many prompt tokens a byte of this corpus costs on this model, from the backend's own count:
 * one request ({@code max_tokens} 1) whose prompt is the global template around the first documents (up to a
 * quarter of the context length in bytes; less, then none, if the backend finds that too long); tokens per byte = the reported prompt tokens / the prompt's UTF-8 bytes. A backend
 * that reports no usage leaves the configured conservative default. The figure is stored with the run, so a
 * resumed run builds the same prompts, and its tokens count towards the run's cost.
 */
final class Calibration {

    /** The measured (or default) ratio, where it came from, and what the request cost. */
    record Result(double tokensPerByte, String source, long promptTokens, long completionTokens) {

        void applyTo(RunEntity run, RunStore store, long activeMillis) {
            run.tokensPerByte = tokensPerByte;
            run.tokensPerByteSource = source;
            store.update(run.id, r -> {
                r.tokensPerByte = tokensPerByte;
                r.tokensPerByteSource = source;
            }, promptTokens, completionTokens, activeMillis, null, Instant.now());
        }
    }

    private final ModelClient client;
    private final String model;
    private final long seed;
    private final int contextLength;
    private final double fallback;

    Calibration(ModelClient client, String model, long seed, int contextLength, double fallback) {
        this.client = client;
        this.model = model;
        this.seed = seed;
        this.contextLength = contextLength;
        this.fallback = fallback;
    }

    Result measure(PromptTemplate template, List<Document> documents) {
        long promptTokens = 0;
        long completionTokens = 0;
        for (int limit : new int[] {contextLength / 4, contextLength / 16, 0}) {
            String sample = sample(template, documents, limit);
            try {
                Completion.Response response = client.complete(Completion.Request.generation(model, List.of(sample), 1,
                        0.0, seed, null));
                if (response.usage() == null || response.usage().promptTokens() <= 0) {
                    return new Result(fallback, "default", promptTokens, completionTokens);
                }
                promptTokens += response.usage().promptTokens();
                completionTokens += response.usage().completionTokens();
                double ratio = (double) response.usage().promptTokens() / sample.getBytes(StandardCharsets.UTF_8).length;
                return new Result(ratio, "usage", promptTokens, completionTokens);
            } catch (ModelApiException e) {
                if (!BatchCaller.contextExceeded(e)) {
                    throw e;
                }
            }
        }
        return new Result(fallback, "default", promptTokens, completionTokens);
    }

    /** The global prompt with the first document as focus and the next ones as context, up to {@code limit} bytes of them. */
    private static String sample(PromptTemplate template, List<Document> documents, int limit) {
        List<String> context = new ArrayList<>();
        int bytes = 0;
        for (int i = 1; i < documents.size(); i++) {
            String part = PromptMarkers.document(documents.get(i).id(), documents.get(i).text());
            bytes += part.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes > limit) {
                break;
            }
            context.add(part);
        }
        String focus = documents.isEmpty() ? "" : PromptMarkers.document(documents.get(0).id(), documents.get(0).text());
        return template.render(Map.of("documents", String.join("\n", context), "focus", focus,
                "focusId", documents.isEmpty() ? "" : documents.get(0).id(),
                "documentCount", Integer.toString(context.size())));
    }
}
