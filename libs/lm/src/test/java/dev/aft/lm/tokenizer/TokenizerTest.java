package dev.aft.lm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.lm.checkpoint.CheckpointException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {

    @TempDir
    static Path folder;

    private static Tokenizer tokenizer;

    @BeforeAll
    static void write() {
        tokenizer = Tokenizer.load(TokenizerFiles.writeUnigram(folder,
                List.of("the", "wug", "is", "a", "blick", "dax", ".")));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void vocabularyWordsAreSingleTokensWithCharacterOffsets() {
        Tokenizer.Encoded encoded = tokenizer.encode("the wug is a blick.");

        assertThat(encoded.ids()).hasSize(6);
        assertThat(encoded.offsets()).containsExactly(0, 3, 7, 10, 12, 18);
        assertThat(tokenizer.tokenText(encoded.ids()[1])).isEqualTo(" wug");
        assertThat(tokenizer.tokenId(TokenizerFiles.EOS)).isEqualTo(TokenizerFiles.EOS_ID);
        assertThat(tokenizer.vocabSize()).isEqualTo(3 + 256 + 1 + 7 + 16); // specials, bytes, space mark, words, characters
    }

    @Test
    void anyTextRoundTripsThroughByteFallback() {
        for (String text : List.of("the dax", "Zürich — 東京 😀", "tabs\tand\nnew lines", "x", "..", "a  b")) {
            int[] ids = tokenizer.ids(text);
            assertThat(tokenizer.decode(ids)).as(text).isEqualTo(text);
            assertThat(java.util.Arrays.stream(ids).allMatch(id -> id >= 0 && id < tokenizer.vocabSize())).isTrue();
        }
        assertThat(tokenizer.encode("").ids()).isEmpty();
    }

    @Test
    void continuationTextKeepsTheSpaceAndSplitCharacters() {
        int[] context = tokenizer.ids("the wug");
        int[] whole = tokenizer.ids("the wug is 東");
        int[] continuation = java.util.Arrays.copyOfRange(whole, context.length, whole.length);

        assertThat(tokenizer.continuationText(context, continuation)).isEqualTo(" is 東");
    }

    @Test
    void badFilesAndWordsAreRefused() throws Exception {
        assertThatThrownBy(() -> Tokenizer.load(folder.resolve("absent")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("Missing tokenizer");
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"model\": 3}");
        assertThatThrownBy(() -> Tokenizer.load(broken))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("Cannot read tokenizer");
        assertThatThrownBy(() -> TokenizerFiles.writeUnigram(folder.resolve("t.json"), List.of("two words")))
                .hasMessageContaining("no whitespace");
    }
}
