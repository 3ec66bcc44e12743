package dev.aft.reference.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.lexicon.Lexicon;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.reference.ReferenceFixtures;
import dev.aft.reference.curriculum.WorldSeeds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Measures how much of a fresh (held-out) world's text the vocabulary covers with single tokens: of the running
 * words of its documents, and of its distinct nonsense words.
 */
class SingleTokenShareTest {

    private final Tokenizer tokenizer = ReferenceFixtures.tokenizer();

    @Test
    void mostWordsOfAFreshWorldAreSingleTokens() {
        long words = 0;
        long single = 0;
        Set<String> nonsense = new LinkedHashSet<>();
        for (String family : List.of("simple-reversals", "simple-syllogisms", "semantic-structure")) {
            Dataset world = Families.generator(family).generate(Map.of(), WorldSeeds.heldOut(0));
            for (Document document : world.documents()) {
                for (String word : Vocabulary.splitWords(document.text())) {
                    if (!Character.isLetter(word.charAt(0))) {
                        continue;
                    }
                    words++;
                    if (singleToken(word)) {
                        single++;
                    }
                    if (Lexicon.standard().isNonsenseWord(word)) {
                        nonsense.add(word);
                    }
                }
            }
        }
        long singleNonsense = nonsense.stream().filter(this::singleToken).count();
        double runningShare = (double) single / words;
        double nonsenseShare = (double) singleNonsense / nonsense.size();
        System.out.printf(Locale.ROOT, "single-token share on held-out world %d: %.1f%% of %,d running words, "
                + "%.1f%% of %d distinct nonsense words%n", WorldSeeds.heldOut(0), 100 * runningShare, words,
                100 * nonsenseShare, nonsense.size());
        assertThat(runningShare).isGreaterThan(0.85);
        assertThat(nonsenseShare).isGreaterThan(0.5);
    }

    private boolean singleToken(String word) {
        return tokenizer.encode(word).length() == 1;
    }
}
