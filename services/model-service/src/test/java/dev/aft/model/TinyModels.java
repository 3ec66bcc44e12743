package dev.aft.model;

import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.lm.tokenizer.TokenizerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny randomly initialized Llama models with a word-level tokenizer, written the way the tests need them. */
public final class TinyModels {

    public static final List<String> WORDS = List.of("the", "cat", "sat", "on", "a", "mat", "dog", "ran", "to",
            "park", "paris", "is", "capital", "of", "france", "hello", "world", "red", "blue", "green", "glon",
            "femp", "heavier", "than", "are", "<|user|>", "<|assistant|>");

    /** A Zephyr-style chat template: one role header per message, then the assistant's header. */
    public static final String CHAT_TEMPLATE = "{% for message in messages %}"
            + "{% if message['role'] == 'user' %}{{ '<|user|> ' + message['content'] + eos_token }}"
            + "{% elif message['role'] == 'system' %}{{ message['content'] + eos_token }}"
            + "{% else %}{{ '<|assistant|> ' + message['content'] + eos_token }}{% endif %}"
            + "{% if loop.last and add_generation_prompt %}{{ ' <|assistant|>' }}{% endif %}{% endfor %}";

    private TinyModels() {
    }

    /** Writes a model folder: hidden size {@code hidden}, 2 layers, context {@code context} tokens. */
    public static Path write(Path folder, int hidden, int context, long seed, boolean chatTemplate) {
        try {
            Files.createDirectories(folder);
            TokenizerFiles.writeUnigram(folder, WORDS);
            int vocabulary;
            try (Tokenizer tokenizer = Tokenizer.load(folder)) {
                vocabulary = tokenizer.vocabSize();
            }
            LlamaConfig config = new LlamaConfig(hidden, hidden * 2, 2, 4, 2, hidden / 4, 1e-5, 10_000.0, context,
                    vocabulary, false, TokenizerFiles.BOS_ID, List.of(TokenizerFiles.EOS_ID));
            try (LlamaModel model = LlamaModel.randomlyInitialized(config, seed, 0.5)) {
                model.save(folder);
            }
            if (chatTemplate) {
                Files.writeString(folder.resolve("tokenizer_config.json"), new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(java.util.Map.of("bos_token", TokenizerFiles.BOS, "eos_token",
                                TokenizerFiles.EOS, "add_bos_token", false, "chat_template", CHAT_TEMPLATE)));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
