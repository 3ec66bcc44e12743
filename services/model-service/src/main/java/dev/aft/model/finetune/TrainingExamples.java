package dev.aft.model.finetune;

import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.lm.training.TrainingExample;
import dev.aft.model.chat.ChatTemplate;
import dev.aft.model.files.TrainingRecord;
import dev.aft.model.models.TokenizerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns a training file's records into the engine's token sequences with the base model's tokenizer:
 * <ul>
 * <li>prompt/completion: the tokens of {@code prompt + completion}, split where the prompt's own tokens end
 * (the same split lm-evaluation-harness scores a continuation with);</li>
 * <li>messages: the chat template with every message but the last plus the generation prompt is the prompt,
 * the rest of the rendered conversation the completion;</li>
 * <li>text: all completion.</li>
 * </ul>
 * A BOS token starts every sequence when {@code tokenizer_config.json} says {@code add_bos_token}. Sequences
 * longer than the model's context are cut at its end.
 */
final class TrainingExamples {

    record Result(List<TrainingExample> examples, int truncated) {
    }

    private TrainingExamples() {
    }

    static Result of(List<TrainingRecord> records, Path baseFolder) {
        TokenizerSettings settings = TokenizerSettings.read(baseFolder);
        int context = LlamaConfig.read(baseFolder.resolve(LlamaConfig.FILE_NAME)).maxPositionEmbeddings();
        try (Tokenizer tokenizer = Tokenizer.load(baseFolder)) {
            Optional<Integer> bos = settings.addBosToken() ? settings.bosToken().map(tokenizer::tokenId)
                    .filter(id -> id >= 0) : Optional.empty();
            ChatTemplate template = settings.chatTemplate().map(ChatTemplate::parse).orElse(null);
            List<TrainingExample> examples = new ArrayList<>();
            int truncated = 0;
            for (TrainingRecord record : records) {
                int[][] split;
                if (record instanceof TrainingRecord.PromptCompletion pc) {
                    split = split(tokenizer, pc.prompt(), pc.completion());
                } else if (record instanceof TrainingRecord.Chat chat) {
                    split = chat(tokenizer, template, settings, chat.messages());
                } else {
                    split = new int[][] {new int[0], tokenizer.encode(((TrainingRecord.Text) record).text()).ids()};
                }
                int[] prompt = bos.map(id -> prepend(id, split[0])).orElse(split[0]);
                int[] completion = split[1];
                if (prompt.length + completion.length > context) {
                    truncated++;
                    int keep = Math.max(0, context - prompt.length);
                    if (keep == 0) {
                        prompt = Arrays.copyOf(prompt, context - 1);
                        keep = 1;
                    }
                    completion = Arrays.copyOf(completion, Math.min(keep, completion.length));
                }
                if (completion.length > 0) {
                    examples.add(new TrainingExample(prompt, completion));
                }
            }
            return new Result(examples, truncated);
        }
    }

    /** The tokens of {@code prompt + completion}, split after the prompt's own tokens when they are a prefix. */
    private static int[][] split(Tokenizer tokenizer, String prompt, String completion) {
        int[] head = tokenizer.encode(prompt).ids();
        int[] all = tokenizer.encode(prompt + completion).ids();
        if (all.length > head.length && Arrays.equals(head, Arrays.copyOf(all, head.length))) {
            return new int[][] {head, Arrays.copyOfRange(all, head.length, all.length)};
        }
        return new int[][] {head, tokenizer.encode(completion).ids()};
    }

    private static int[][] chat(Tokenizer tokenizer, ChatTemplate template, TokenizerSettings settings,
            List<ChatTemplate.Message> messages) {
        if (template == null) {
            throw new IllegalArgumentException("the file holds chat messages but the model has no chat template");
        }
        String bos = settings.bosToken().orElse("");
        String eos = settings.eosToken().orElse("");
        String prompt = template.render(messages.subList(0, messages.size() - 1), bos, eos, true);
        String whole = template.render(messages, bos, eos, false);
        if (whole.startsWith(prompt)) {
            return split(tokenizer, prompt, whole.substring(prompt.length()));
        }
        return new int[][] {tokenizer.encode(prompt).ids(),
                tokenizer.encode(messages.get(messages.size() - 1).content() + eos).ids()};
    }

    private static int[] prepend(int id, int[] tokens) {
        int[] result = new int[tokens.length + 1];
        result[0] = id;
        System.arraycopy(tokens, 0, result, 1, tokens.length);
        return result;
    }
}
