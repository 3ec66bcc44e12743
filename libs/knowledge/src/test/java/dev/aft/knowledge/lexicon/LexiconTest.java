package dev.aft.knowledge.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private final Lexicon lexicon = Lexicon.standard();

    @Test
    void wordsAreFourOrFiveLowerCaseLetters() {
        List<String> words = lexicon.session(new Random(1)).next(3000);
        assertThat(words).allMatch(w -> w.matches("[a-z]{4,5}"));
        assertThat(words).anyMatch(w -> w.length() == 4).anyMatch(w -> w.length() == 5);
    }

    @Test
    void wordsAreNeverInTheEnglishListNorPlainInflectionsOfIt() {
        List<String> words = lexicon.session(new Random(2)).next(3000);
        assertThat(words).doesNotContainAnyElementsOf(lexicon.englishWords());
        for (String word : words) {
            for (String ending : List.of("s", "ed", "er", "ing")) {
                if (word.endsWith(ending)) {
                    assertThat(lexicon.englishWords()).doesNotContain(word.substring(0, word.length() - ending.length()));
                }
            }
        }
    }

    @Test
    void aSessionNeverRepeatsAWord() {
        List<String> words = lexicon.session(new Random(3)).next(5000);
        assertThat(new HashSet<>(words)).hasSize(5000);
    }

    @Test
    void theSameRandomStreamDrawsTheSameWords() {
        assertThat(lexicon.session(new Random(4)).next(200)).isEqualTo(lexicon.session(new Random(4)).next(200));
        assertThat(lexicon.session(new Random(5)).next(200)).isNotEqualTo(lexicon.session(new Random(4)).next(200));
    }

    @Test
    void englishListIsLoadedAndCatchesCommonWordsAndInflections() {
        assertThat(lexicon.englishWords()).hasSizeGreaterThan(3000).contains("glow", "trust", "black", "stamp");
        assertThat(lexicon.isEnglishLike("trust")).isTrue();
        assertThat(lexicon.isEnglishLike("jumped")).isTrue();
        assertThat(lexicon.isEnglishLike("lamps")).isTrue();
        assertThat(lexicon.isNonsenseWord("glorp")).isTrue();
        assertThat(lexicon.isNonsenseWord("stamp")).isFalse();
        assertThat(lexicon.isNonsenseWord("gl0rp")).isFalse();
        assertThat(lexicon.isNonsenseWord("glorpy")).isFalse();
    }

    @Test
    void wordsAreBuiltFromEnglishLikeSyllables() {
        List<String> words = lexicon.session(new Random(6)).next(2000);
        assertThat(words).allMatch(w -> w.matches("^[^aeiou].*") && w.matches(".*[aeiou].*"));
        assertThat(words).noneMatch(w -> w.matches(".*[^aeiouy]{4}.*"));
    }

    @Test
    void everyGeneratedWorldDrawsItsNonsenseWordsFromTheLexicon() {
        for (String family : dev.aft.knowledge.Families.names()) {
            var dataset = dev.aft.knowledge.DefaultDatasets.of(family);
            var entities = dataset.facts().stream()
                    .flatMap(f -> family.equals("celebrities")
                            ? java.util.stream.Stream.of(f.subject())
                            : java.util.stream.Stream.of(f.subject(), f.object()))
                    .flatMap(text -> java.util.Arrays.stream(text.split(" ")))
                    .filter(w -> w.matches("[a-z]{4,5}|[A-Z][a-z]{3,4}"))
                    .filter(w -> !w.equals("was") && !w.equals("the"))
                    .map(w -> w.toLowerCase(java.util.Locale.ROOT))
                    .toList();
            assertThat(entities).as(family).hasSizeGreaterThan(5).allMatch(lexicon::isNonsenseWord);
        }
    }
}
