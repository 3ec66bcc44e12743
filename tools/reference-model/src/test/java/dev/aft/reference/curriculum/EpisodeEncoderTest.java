package dev.aft.reference.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.lm.tokenizer.TokenizerFiles;
import dev.aft.lm.training.TrainingExample;
import dev.aft.reference.ReferenceFixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EpisodeEncoderTest {

    private final Tokenizer tokenizer = ReferenceFixtures.tokenizer();

    @Test
    void thePromptIsBosPlusThePromptsOwnTokensAndTheCompletionTheRest() {
        Episode episode = new Episode(EpisodeKind.IN_CONTEXT, "simple-reversals", 0,
                PromptFormats.INSTRUCTION + "\n\nglon are heavier than femp.\n\n", "femp are lighter than glon");
        TrainingExample example = new EpisodeEncoder(tokenizer, 1024).encode(episode).orElseThrow();
        assertThat(example.prompt()[0]).isEqualTo(TokenizerFiles.BOS_ID);
        assertThat(Arrays.copyOfRange(example.prompt(), 1, example.prompt().length))
                .isEqualTo(tokenizer.encode(episode.prompt()).ids());
        assertThat(tokenizer.decode(example.completion())).isEqualTo("femp are lighter than glon");
    }

    @Test
    void aDocumentsEpisodeLearnsEverythingButBos() {
        Episode episode = new Episode(EpisodeKind.DOCUMENTS, "simple-reversals", 0, "", "Fun fact: a\n\nb");
        TrainingExample example = new EpisodeEncoder(tokenizer, 1024).encode(episode).orElseThrow();
        assertThat(example.prompt()).containsExactly(TokenizerFiles.BOS_ID);
        assertThat(tokenizer.decode(example.completion())).isEqualTo("Fun fact: a\n\nb");
    }

    @Test
    void anEpisodeLongerThanTheLimitIsDropped() {
        Episode episode = new Episode(EpisodeKind.DOCUMENTS, "x", 0, "", "are ".repeat(40).strip());
        assertThat(new EpisodeEncoder(tokenizer, 40).encode(episode)).isEmpty();
        assertThat(new EpisodeEncoder(tokenizer, 41).encode(episode)).isPresent();
    }
}
