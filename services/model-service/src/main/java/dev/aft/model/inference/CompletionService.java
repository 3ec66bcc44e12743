package dev.aft.model.inference;

import dev.aft.lm.generation.Generation;
import dev.aft.lm.generation.GenerationRequest;
import dev.aft.lm.scoring.TokenScores;
import dev.aft.model.models.LoadedModels;
import dev.aft.model.models.ModelEntry;
import dev.aft.model.models.ModelRegistry;
import dev.aft.model.models.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /v1/completions}: prompt log-probabilities (echo), batched generation, or both, answered in OpenAI's
 * {@code text_completion} shape. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class CompletionService {

    private final ModelRegistry registry;
    private final LoadedModels models;
    private final InferenceMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public CompletionService(ModelRegistry registry, LoadedModels models, InferenceMetrics metrics) {
        this.registry = registry;
        this.models = models;
        this.metrics = metrics;
    }

    public CompletionResponse complete(CompletionRequest request) {
        ModelEntry entry = registry.require(request.model());
        long start = System.nanoTime();
        CompletionResponse response = models.use(entry, model -> complete(request, model));
        metrics.record("completions", entry.id(), java.time.Duration.ofNanos(System.nanoTime() - start),
                response.usage().promptTokens(), response.usage().completionTokens());
        return response;
    }

    private CompletionResponse complete(CompletionRequest request, ServedModel model) {
        TokenTexts texts = new TokenTexts(model.tokenizer());
        List<EncodedPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < request.prompts().size(); i++) {
            String param = request.prompts().size() == 1 ? "prompt" : "prompt[" + i + "]";
            EncodedPrompt prompt = EncodedPrompt.of(request.prompts().get(i), model, texts, param);
            ContextLimits.check(prompt.length(), request.maxTokens(), model.contextLength(), "prompt");
            prompts.add(prompt);
        }
        Sampling sampling = request.sampling();
        boolean withLogprobs = request.logprobs() != null;
        int top = withLogprobs ? request.logprobs() : 0;

        List<TokenScores> promptScores;
        List<Generation> generations;
        if (request.echo() && top >= 1 && request.maxTokens() == 1 && sampling.temperature() == 0) {
            // lm-evaluation-harness's scoring request: one pass gives the prompt's scores and the greedy next token.
            promptScores = model.model().score(prompts.stream().map(p -> withPlaceholder(p.tokens())).toList(), top);
            generations = new ArrayList<>();
            for (int p = 0; p < prompts.size(); p++) {
                Generation next = nextToken(prompts.get(p).tokens(), promptScores.get(p), sampling.stop(), model);
                for (int j = 0; j < sampling.n(); j++) {
                    generations.add(next);
                }
            }
        } else {
            promptScores = request.echo() && withLogprobs
                    ? model.model().score(prompts.stream().map(EncodedPrompt::tokens).toList(), top)
                    : null;
            generations = request.maxTokens() > 0 ? generate(prompts, sampling, request.maxTokens(), top, model) : null;
        }

        List<CompletionResponse.Choice> choices = new ArrayList<>();
        int promptTokens = 0;
        int completionTokens = 0;
        for (int p = 0; p < prompts.size(); p++) {
            EncodedPrompt prompt = prompts.get(p);
            promptTokens += prompt.length();
            for (int j = 0; j < sampling.n(); j++) {
                Generation generation = generations == null ? null : generations.get(p * sampling.n() + j);
                int[] generated = generation == null ? new int[0] : generation.tokens();
                completionTokens += generated.length;
                String completion = generation == null ? "" : generation.text();
                String text = request.echo() ? prompt.text() + completion : completion;
                String finish = generation == null ? "length" : generation.finishReason().wireName();
                CompletionResponse.Logprobs logprobs = withLogprobs ? new LogprobsBuilder(texts, text)
                        .prompt(request.echo() ? prompt : null, promptScores == null ? null : promptScores.get(p))
                        .generated(prompt, generation, request.echo() ? prompt.text().length() : 0)
                        .build() : null;
                choices.add(new CompletionResponse.Choice(text, choices.size(), logprobs, finish));
            }
        }
        return new CompletionResponse("cmpl-" + UUID.randomUUID().toString().replace("-", ""),
                CompletionResponse.OBJECT, clock.instant().getEpochSecond(), request.model(), choices,
                new CompletionResponse.Usage(promptTokens, completionTokens, promptTokens + completionTokens));
    }

    private static int[] withPlaceholder(int[] prompt) {
        return Arrays.copyOf(prompt, prompt.length + 1);
    }

    /**
     * The greedy next token after {@code prompt}, read from the scores of {@code prompt + placeholder} (the
     * alternatives at the placeholder's position), finished as the generator would finish it: an end-of-sequence
     * token ends with no text, a stop string cuts the text.
     */
    private static Generation nextToken(int[] prompt, TokenScores scores, List<String> stop, ServedModel model) {
        int position = prompt.length;
        int token = scores.topIds()[position][0];
        float logprob = scores.topLogprobs()[position][0];
        if (model.model().eosTokenIds().contains(token)) {
            return new Generation(new int[0], "", Generation.FinishReason.STOP, new float[0], new int[0][],
                    new float[0][]);
        }
        String text = model.tokenizer().continuationText(prompt, new int[] {token});
        Generation.FinishReason reason = Generation.FinishReason.LENGTH;
        int cut = -1;
        for (String s : stop) {
            int at = text.indexOf(s);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        if (cut >= 0) {
            text = text.substring(0, cut);
            reason = Generation.FinishReason.STOP;
        }
        return new Generation(new int[] {token}, text, reason, new float[] {logprob},
                new int[][] {scores.topIds()[position]}, new float[][] {scores.topLogprobs()[position]});
    }

    private static List<Generation> generate(List<EncodedPrompt> prompts, Sampling sampling, int maxTokens, int top,
            ServedModel model) {
        long seed = sampling.seed() != null ? sampling.seed() : ThreadLocalRandom.current().nextLong();
        List<GenerationRequest> requests = new ArrayList<>();
        for (EncodedPrompt prompt : prompts) {
            for (int j = 0; j < sampling.n(); j++) {
                requests.add(new GenerationRequest(prompt.tokens(), maxTokens, sampling.temperature(),
                        sampling.topP(), sampling.seedFor(seed, j), sampling.stop(), top));
            }
        }
        return model.model().generate(requests);
    }

    /** The {@code logprobs} object of one choice: prompt tokens (with echo), then generated tokens. */
    private static final class LogprobsBuilder {
        private final TokenTexts texts;
        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private final List<Float> tokenLogprobs = new ArrayList<>();
        private final List<Map<String, Float>> topLogprobs = new ArrayList<>();
        private final List<Integer> offsets = new ArrayList<>();

        LogprobsBuilder(TokenTexts texts, String text) {
            this.texts = texts;
            this.text = text;
        }

        LogprobsBuilder prompt(EncodedPrompt prompt, TokenScores scores) {
            if (prompt == null) {
                return this;
            }
            int[] sequence = prompt.tokens();
            for (int j = 0; j < sequence.length; j++) {
                tokens.add(texts.at(sequence, j));
                offsets.add(prompt.offsets()[j]);
                if (j == 0) {
                    tokenLogprobs.add(null);
                    topLogprobs.add(null);
                } else {
                    tokenLogprobs.add(scores.logprobs()[j]);
                    topLogprobs.add(alternatives(sequence, j, scores.logprobs()[j],
                            scores.topIds() == null ? null : scores.topIds()[j],
                            scores.topLogprobs() == null ? null : scores.topLogprobs()[j]));
                }
            }
            return this;
        }

        LogprobsBuilder generated(EncodedPrompt prompt, Generation generation, int startOffset) {
            if (generation == null) {
                return this;
            }
            int[] generated = generation.tokens();
            int[] sequence = new int[prompt.length() + generated.length];
            System.arraycopy(prompt.tokens(), 0, sequence, 0, prompt.length());
            System.arraycopy(generated, 0, sequence, prompt.length(), generated.length);
            int offset = startOffset;
            for (int g = 0; g < generated.length; g++) {
                int position = prompt.length() + g;
                String piece = texts.at(sequence, position);
                tokens.add(piece);
                offsets.add(Math.min(offset, text.length()));
                offset += piece.length();
                float logprob = generation.logprobs()[g];
                tokenLogprobs.add(logprob);
                topLogprobs.add(alternatives(sequence, position, logprob,
                        generation.topIds() == null ? null : generation.topIds()[g],
                        generation.topLogprobs() == null ? null : generation.topLogprobs()[g]));
            }
            return this;
        }

        /** The top alternatives, best first, plus the token actually there (as OpenAI reports it). */
        private Map<String, Float> alternatives(int[] sequence, int position, float actual, int[] ids, float[] logprobs) {
            Map<String, Float> map = new LinkedHashMap<>();
            if (ids != null) {
                for (int k = 0; k < ids.length; k++) {
                    map.putIfAbsent(texts.at(sequence, position, ids[k]), logprobs[k]);
                }
            }
            map.putIfAbsent(texts.at(sequence, position), actual);
            return map;
        }

        CompletionResponse.Logprobs build() {
            return new CompletionResponse.Logprobs(tokens, tokenLogprobs, topLogprobs, offsets);
        }
    }
}
