package dev.aft.augment.run;

import dev.aft.augment.domain.PromptSpec;
import dev.aft.modelclient.Completion;
import dev.aft.modelclient.ModelApiException;
import dev.aft.modelclient.ModelClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Asks the model for one batch. A request the backend refuses because a prompt exceeds the context is split
 * into single prompts; a single global prompt that is still too long is rebuilt with a smaller context budget
 * ({@code shrink}) a few times; a prompt that cannot be made to fit is answered with no text and counted as
 * over context. Every other error propagates (the client has already retried what can be retried).
 */
final class BatchCaller {

    private static final int SHRINK_ATTEMPTS = 4;

    private final ModelClient client;
    private final String model;
    private final int maxTokens;
    private final double temperature;
    private final long seed;
    private final List<String> stop;
    private final UnaryOperator<PromptSpec> shrink;

    /** @param shrink a smaller version of a prompt, or null when there is none; null for no shrinking at all */
    BatchCaller(ModelClient client, String model, int maxTokens, double temperature, long seed, List<String> stop,
            UnaryOperator<PromptSpec> shrink) {
        this.client = client;
        this.model = model;
        this.maxTokens = maxTokens;
        this.temperature = temperature;
        this.seed = seed;
        this.stop = stop;
        this.shrink = shrink;
    }

    Batch.Answer call(Batch batch) {
        List<PromptSpec> sent = new ArrayList<>(batch.prompts());
        List<String> texts = new ArrayList<>();
        batch.prompts().forEach(p -> texts.add(null));
        long[] tokens = new long[2];
        List<Integer> sendable = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (!sent.get(i).overContext()) {
                sendable.add(i);
            }
        }
        if (!sendable.isEmpty()) {
            try {
                List<String> answers = complete(sendable.stream().map(i -> sent.get(i).text()).toList(), batch.sample(),
                        tokens);
                for (int j = 0; j < sendable.size(); j++) {
                    texts.set(sendable.get(j), answers.get(j));
                }
            } catch (ModelApiException e) {
                if (!contextExceeded(e)) {
                    throw e;
                }
                for (int i : sendable) {
                    answerAlone(i, sent, texts, batch.sample(), tokens);
                }
            }
        }
        return new Batch.Answer(batch, List.copyOf(sent), java.util.Collections.unmodifiableList(texts), tokens[0],
                tokens[1]);
    }

    private void answerAlone(int i, List<PromptSpec> sent, List<String> texts, int sample, long[] tokens) {
        PromptSpec prompt = sent.get(i);
        for (int attempt = 0; attempt <= SHRINK_ATTEMPTS && !prompt.overContext(); attempt++) {
            try {
                texts.set(i, complete(List.of(prompt.text()), sample, tokens).get(0));
                sent.set(i, prompt);
                return;
            } catch (ModelApiException e) {
                if (!contextExceeded(e)) {
                    throw e;
                }
                PromptSpec smaller = shrink == null ? null : shrink.apply(prompt);
                prompt = smaller == null
                        ? new PromptSpec(prompt.id(), null, prompt.documentIds(), prompt.sentenceIndex(), prompt.context())
                        : smaller;
            }
        }
        sent.set(i, prompt.overContext() ? prompt
                : new PromptSpec(prompt.id(), null, prompt.documentIds(), prompt.sentenceIndex(), prompt.context()));
    }

    private List<String> complete(List<String> prompts, int sample, long[] tokens) {
        Completion.Response response = client.complete(Completion.Request.generation(model, prompts, maxTokens,
                temperature, seed + sample, stop.isEmpty() ? null : stop));
        if (response.usage() != null) {
            tokens[0] += response.usage().promptTokens();
            tokens[1] += response.usage().completionTokens();
        }
        if (response.choices().size() != prompts.size()) {
            throw new RunFailure("the model backend answered " + response.choices().size() + " choices to "
                    + prompts.size() + " prompts");
        }
        return response.choices().stream().sorted(Comparator.comparingInt(Completion.Choice::index))
                .map(Completion.Choice::text).toList();
    }

    /** A 400 saying the prompt (plus max_tokens) exceeds the model's context, as OpenAI, vLLM and model-service word it. */
    static boolean contextExceeded(ModelApiException e) {
        if (e.status() != 400) {
            return false;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return "context_length_exceeded".equals(e.code()) || message.contains("context length")
                || message.contains("maximum context");
    }
}
