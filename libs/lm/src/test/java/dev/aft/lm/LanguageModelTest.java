package dev.aft.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.lm.checkpoint.CheckpointException;
import dev.aft.lm.generation.Generation;
import dev.aft.lm.generation.GenerationRequest;
import dev.aft.lm.reference.TinyLlama;
import dev.aft.lm.scoring.TokenScores;
import dev.aft.lm.tokenizer.TokenizerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageModelTest {

    private static final List<String> WORDS = List.of("the", "wug", "is", "a", "blick", ".");

    @TempDir
    Path folder;

    private Path tinyModel(int vocab) throws IOException {
        Path model = TinyLlama.random(32, 64, 1, 2, 2, 16, vocab, true, 3).writeTo(folder.resolve("model"));
        TokenizerFiles.writeUnigram(model, WORDS);
        return model;
    }

    @Test
    void loadsAModelFolderWithItsTokenizerAndSettings() throws IOException {
        Path folder = tinyModel(280);
        Files.writeString(folder.resolve(LanguageModel.GENERATION_CONFIG), "{\"eos_token_id\": [2, 7]}");
        Files.writeString(folder.resolve(LanguageModel.TOKENIZER_CONFIG), """
                {"bos_token": {"content": "<s>"}, "eos_token": "</s>",
                 "chat_template": "{% for m in messages %}{{ m['content'] }}{% endfor %}"}
                """);

        try (LanguageModel model = LanguageModel.load(folder)) {
            assertThat(model.contextLength()).isEqualTo(64);
            assertThat(model.eosTokenIds()).containsExactly(2, 7);
            assertThat(model.bosToken()).contains("<s>");
            assertThat(model.eosToken()).contains("</s>");
            assertThat(model.chatTemplate()).hasValueSatisfying(t -> assertThat(t).contains("messages"));
            int[] ids = model.tokenizer().ids("the wug is a blick.");
            assertThat(ids).hasSize(6);

            List<TokenScores> scores = model.score(List.of(ids), 1);
            assertThat(scores.get(0).logprobs()).hasSize(6);
            assertThat(scores.get(0).sum(1)).isNegative();
            Generation generation = model.generate(List.of(GenerationRequest.greedy(ids, 3))).get(0);
            assertThat(generation.tokens().length).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void withoutOptionalFilesTheConfigDecidesAndThereIsNoChatTemplate() throws IOException {
        try (LanguageModel model = LanguageModel.load(tinyModel(280))) {
            assertThat(model.eosTokenIds()).containsExactly(2); // TinyLlama's config.json
            assertThat(model.chatTemplate()).isEmpty();
        }
    }

    @Test
    void missingFilesAndMismatchedTokenizersAreClearErrors() throws IOException {
        assertThatThrownBy(() -> LanguageModel.load(folder.resolve("absent")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("Missing model folder");

        Path noTokenizer = TinyLlama.random(32, 64, 1, 2, 2, 16, 280, true, 3).writeTo(folder.resolve("bare"));
        assertThatThrownBy(() -> LanguageModel.load(noTokenizer))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("Missing tokenizer");

        Path small = TinyLlama.random(32, 64, 1, 2, 2, 16, 100, true, 3).writeTo(folder.resolve("small"));
        TokenizerFiles.writeUnigram(small, WORDS);
        assertThatThrownBy(() -> LanguageModel.load(small))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("has 280 tokens but the model only 100");

        Files.writeString(noTokenizer.resolve("config.json"),
                Files.readString(noTokenizer.resolve("config.json")).replace("LlamaForCausalLM", "GPT2LMHeadModel"));
        assertThatThrownBy(() -> LanguageModel.load(noTokenizer))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("GPT2LMHeadModel");
    }
}
