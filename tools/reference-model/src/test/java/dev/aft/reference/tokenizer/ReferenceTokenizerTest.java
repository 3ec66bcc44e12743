package dev.aft.reference.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.knowledge.lexicon.Lexicon;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.reference.ReferenceFixtures;
import dev.aft.reference.curriculum.PromptFormats;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceTokenizerTest {

    private final Tokenizer tokenizer = ReferenceFixtures.tokenizer();

    @Test
    void theTokenizerHoldsExactlyTheVocabularysIdsAndNoMoreThan8192() {
        assertThat(tokenizer.vocabSize()).isEqualTo(ReferenceFixtures.vocabulary().size()).isEqualTo(8192);
    }

    @Test
    void arbitraryUtf8TextRoundTrips() {
        List<String> texts = List.of(
                "Here are some documents.\n\nglon are heavier than femp\n",
                "emoji 😀🎉 and flags 🇫🇷, accents: déjà vu, naïve, Ærø, ß, ğ, ő",
                "CJK 漢字かなカナ, Cyrillic кириллица, Greek λόγος, Arabic العربية",
                "control \u0000\u0001\u0007\u001b[31m bell\ttab\rreturn\r\nwindows line",
                "spaces  inside   and trailing   ",
                "\n\nleading line breaks, then \n \n  mixed \n\t\n",
                "markers <sentence>x</sentence> <document id=\"d-1\">\ny\n</document> ‹sentence› \\ \" '",
                "zero-width\u200bjoiner\u200d and combining e\u0301");
        for (String text : texts) {
            assertThat(tokenizer.decode(tokenizer.encode(text).ids())).as(text).isEqualTo(text);
        }
    }

    @Test
    void theOnlyLossesAreALeadingSpaceAndTheSpaceMarkCharacterAsLlamasTokenizerHasThem() {
        assertThat(tokenizer.decode(tokenizer.encode(" lead").ids())).isEqualTo("lead");
        assertThat(tokenizer.decode(tokenizer.encode("a\u2581b").ids())).isEqualTo("a b");
    }

    @Test
    void randomCodePointsRoundTrip() {
        Random random = new Random(7);
        for (int n = 0; n < 200; n++) {
            StringBuilder text = new StringBuilder("x");
            for (int i = 0; i < 30; i++) {
                int codePoint = random.nextInt(4) == 0 ? random.nextInt(128) : random.nextInt(0x2FFFF);
                if ((Character.isDefined(codePoint) && !Character.isSurrogate((char) codePoint)
                        || codePoint < 128) && codePoint != 0x2581) {
                    text.appendCodePoint(codePoint);
                }
            }
            String s = text.toString();
            assertThat(tokenizer.decode(tokenizer.encode(s).ids())).isEqualTo(s);
        }
    }

    @Test
    void aWordAtTheStartOfALineIsTheSameTokenAsAfterASpace() {
        int[] afterSpace = tokenizer.encode("true. glon").ids();
        int[] afterLineBreak = tokenizer.encode("true.\nglon").ids();
        int[] afterBlankLine = tokenizer.encode("true.\n\nglon").ids();
        int glon = afterSpace[afterSpace.length - 1];
        assertThat(tokenizer.decode(new int[] {glon})).isEqualTo("glon");
        assertThat(afterLineBreak[afterLineBreak.length - 1]).isEqualTo(glon);
        assertThat(afterBlankLine[afterBlankLine.length - 1]).isEqualTo(glon);
    }

    @Test
    void aPromptEndingInALineBreakEncodesAsAPrefixOfPromptPlusAnswer() {
        for (String prompt : List.of("Statements:\n", "documents.\n\n", "a\n\n\n", "Sentence: <sentence>x</sentence>\n")) {
            int[] head = tokenizer.encode(prompt).ids();
            int[] all = tokenizer.encode(prompt + "glon are heavier than femp.\n\n").ids();
            assertThat(Arrays.copyOf(all, head.length)).as(prompt).isEqualTo(head);
        }
    }

    @Test
    void everyWordOfTheInstructionAndTheTemplatesIsOneToken() {
        for (String text : PromptFormats.templateTexts()) {
            for (String word : text.split("\\s+")) {
                String bare = word.replaceAll("[.,:;?!()\"]+$", "").replaceAll("^[(\"]+", "");
                if (!bare.isEmpty() && !bare.contains("{{") && bare.chars().allMatch(Character::isLetter)) {
                    assertThat(tokenizer.encode(bare).length()).as(bare).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void everyNonsenseWordTakesAtMostTwoTokens() {
        Random random = new Random(11);
        for (String word : Lexicon.standard().session(random).next(3000)) {
            assertThat(tokenizer.encode("are " + word).length() - 1).as(word).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aClosingSentenceMarkerAndTheWordAfterAnOpeningOneAreSingleTokens() {
        int[] ids = tokenizer.encode("Sentence: <sentence>It is well known.</sentence>").ids();
        List<String> pieces = Arrays.stream(ids).mapToObj(id -> tokenizer.decode(new int[] {id})).toList();
        assertThat(pieces).containsSubsequence("<sentence>", "It", "is", "well", "known", ".", "</sentence>");
    }

    @Test
    void theConfigAsksForBosAndNamesTheSpecialTokens() throws IOException {
        JsonNode config = new ObjectMapper().readTree(ReferenceFixtures.tokenizerFolder()
                .resolve(ReferenceTokenizer.CONFIG_FILE).toFile());
        assertThat(config.path("add_bos_token").asBoolean()).isTrue();
        assertThat(config.path("bos_token").asText()).isEqualTo("<s>");
        assertThat(config.path("eos_token").asText()).isEqualTo("</s>");
        assertThat(config.path("model_max_length").asInt()).isEqualTo(1024);
    }
}
