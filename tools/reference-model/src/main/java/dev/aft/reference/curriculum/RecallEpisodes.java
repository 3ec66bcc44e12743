package dev.aft.reference.curriculum;

import dev.aft.knowledge.lexicon.Lexicon;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Associative recall: a list of key-value pairs of nonsense words, then some keys looked up again, each line
 * "key: value" (a value of one or two words). The answer is always in context, one copy away: the
 * induction-style attention that finding a fact among many documents needs.
 */
public final class RecallEpisodes {

    static final String HEADER = "Here is a list of pairs.";
    static final String COPY_HEADER = "Here is a list of words, twice.";
    static final String FAMILY = "recall";

    private RecallEpisodes() {
    }

    /** Texts the episodes use besides nonsense words (for the vocabulary). */
    public static List<String> fixedTexts() {
        return List.of(HEADER);
    }

    /** A line of {@code words} nonsense words, then the same line again (the answer). */
    public static Episode copy(Random random, long seed, int words) {
        Lexicon.Session lexicon = Lexicon.standard().session(random);
        List<String> line = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            line.add(lexicon.next());
        }
        String text = String.join(" ", line);
        return new Episode(EpisodeKind.COPY, FAMILY, seed, COPY_HEADER + "\n" + text + "\n", text);
    }

    /** An episode of {@code pairs} pairs and {@code lookups} lookups (at most one per key). */
    public static Episode episode(Random random, long seed, int pairs, int lookups) {
        Lexicon.Session words = Lexicon.standard().session(random);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String value = random.nextInt(3) == 0 ? words.next() + " " + words.next() : words.next();
            lines.add(words.next() + ": " + value);
        }
        List<String> asked = new ArrayList<>(lines);
        Collections.shuffle(asked, random);
        asked = asked.subList(0, Math.min(lookups, asked.size()));
        String prompt = HEADER + "\n" + String.join("\n", lines) + "\n\n";
        return new Episode(EpisodeKind.RECALL, FAMILY, seed, prompt, String.join("\n", asked));
    }
}
