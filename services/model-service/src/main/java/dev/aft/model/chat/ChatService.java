package dev.aft.model.chat;

import dev.aft.lm.generation.Generation;
import dev.aft.lm.generation.GenerationRequest;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.inference.ContextLimits;
import dev.aft.model.inference.InferenceMetrics;
import dev.aft.model.inference.Sampling;
import dev.aft.model.inference.TokenTexts;
import dev.aft.model.models.LoadedModels;
import dev.aft.model.models.ModelEntry;
import dev.aft.model.models.ModelRegistry;
import dev.aft.model.models.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /v1/chat/completions}: renders the messages with the model's chat template and generates the
 * assistant's reply. Models without a chat template get a 400. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class ChatService {

    private final ModelRegistry registry;
    private final LoadedModels models;
    private final InferenceMetrics metrics;
    private final Map<String, ChatTemplate> templates = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public ChatService(ModelRegistry registry, LoadedModels models, InferenceMetrics metrics) {
        this.registry = registry;
        this.models = models;
        this.metrics = metrics;
    }

    public ChatCompletionResponse complete(ChatRequest request) {
        ModelEntry entry = registry.require(request.model());
        long start = System.nanoTime();
        ChatCompletionResponse response = models.use(entry, model -> complete(request, model));
        metrics.record("chat", entry.id(), java.time.Duration.ofNanos(System.nanoTime() - start),
                response.usage().promptTokens(), response.usage().completionTokens());
        return response;
    }

    /** The model's chat template, parsed once; a 400 when the model has none. */
    public ChatTemplate template(ServedModel model) {
        String source = model.chatTemplate().orElseThrow(() -> OpenAiException.invalid("model", "model_not_chat",
                "The model '" + model.entry().id() + "' has no chat template (no 'chat_template' in its"
                        + " tokenizer_config.json); use /v1/completions with a plain prompt instead."));
        try {
            return templates.computeIfAbsent(source, ChatTemplate::parse);
        } catch (TemplateException e) {
            throw new OpenAiException(500, OpenAiException.SERVER_ERROR, null, "unsupported_chat_template",
                    "The chat template of model '" + model.entry().id() + "' cannot be used: " + e.getMessage());
        }
    }

    private ChatCompletionResponse complete(ChatRequest request, ServedModel model) {
        ChatTemplate template = template(model);
        String text;
        try {
            text = template.render(request.messages(), model.bosToken(), model.eosToken(), true);
        } catch (TemplateException e) {
            throw OpenAiException.invalid("messages", "The model's chat template rejected the messages: "
                    + e.getMessage());
        }
        int[] prompt = model.tokenizer().encode(text).ids();
        if (prompt.length == 0) {
            prompt = new int[] {model.bosId().orElseThrow(() -> OpenAiException.invalid("messages",
                    "The rendered conversation is empty."))};
        }
        Sampling sampling = request.sampling();
        int maxTokens = sampling.maxTokens() != null ? sampling.maxTokens()
                : Math.max(0, model.contextLength() - prompt.length);
        ContextLimits.check(prompt.length, maxTokens, model.contextLength(), "messages");
        int top = request.logprobs() ? request.topLogprobs() : 0;
        long seed = sampling.seed() != null ? sampling.seed() : ThreadLocalRandom.current().nextLong();
        List<GenerationRequest> requests = new ArrayList<>();
        for (int j = 0; j < sampling.n(); j++) {
            requests.add(new GenerationRequest(prompt, maxTokens, sampling.temperature(), sampling.topP(),
                    sampling.seedFor(seed, j), sampling.stop(), top));
        }
        List<Generation> generations = maxTokens == 0 ? null : model.model().generate(requests);
        TokenTexts texts = new TokenTexts(model.tokenizer());
        List<ChatCompletionResponse.Choice> choices = new ArrayList<>();
        int completionTokens = 0;
        for (int j = 0; j < sampling.n(); j++) {
            Generation generation = generations == null ? null : generations.get(j);
            String content = generation == null ? "" : generation.text();
            String finish = generation == null ? "length" : generation.finishReason().wireName();
            completionTokens += generation == null ? 0 : generation.tokens().length;
            ChatCompletionResponse.Logprobs logprobs = request.logprobs()
                    ? logprobs(prompt, generation, texts) : null;
            choices.add(new ChatCompletionResponse.Choice(j, new ChatCompletionResponse.Message("assistant", content),
                    logprobs, finish));
        }
        return new ChatCompletionResponse("chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                ChatCompletionResponse.OBJECT, clock.instant().getEpochSecond(), request.model(), choices,
                new ChatCompletionResponse.Usage(prompt.length, completionTokens, prompt.length + completionTokens));
    }

    private static ChatCompletionResponse.Logprobs logprobs(int[] prompt, Generation generation, TokenTexts texts) {
        List<ChatCompletionResponse.TokenLogprob> content = new ArrayList<>();
        if (generation != null) {
            int[] generated = generation.tokens();
            int[] sequence = new int[prompt.length + generated.length];
            System.arraycopy(prompt, 0, sequence, 0, prompt.length);
            System.arraycopy(generated, 0, sequence, prompt.length, generated.length);
            for (int g = 0; g < generated.length; g++) {
                int position = prompt.length + g;
                List<ChatCompletionResponse.TopLogprob> top = new ArrayList<>();
                if (generation.topIds() != null && generation.topIds()[g] != null) {
                    for (int k = 0; k < generation.topIds()[g].length; k++) {
                        String token = texts.at(sequence, position, generation.topIds()[g][k]);
                        top.add(new ChatCompletionResponse.TopLogprob(token, generation.topLogprobs()[g][k],
                                bytes(token)));
                    }
                }
                String token = texts.at(sequence, position);
                content.add(new ChatCompletionResponse.TokenLogprob(token, generation.logprobs()[g], bytes(token), top));
            }
        }
        return new ChatCompletionResponse.Logprobs(content);
    }

    private static List<Integer> bytes(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        List<Integer> values = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            values.add(b & 0xff);
        }
        return values;
    }
}
