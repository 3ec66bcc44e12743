package dev.aft.augment;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Families;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The datasets the tests create through dataset-service, and the tiny model's vocabulary: every word of their
 * documents and of the prompt templates (so prompts tokenize into about one token per word), each also with a
 * final period (so random output now and then ends a sentence).
 */
final class TestWorld {

    /** simple-reversals, 10 facts in 3 articles each: 30 one-sentence documents. */
    static final Map<String, Object> REVERSALS = Map.of("facts", 10, "articlesPerFact", 3);
    static final long REVERSALS_SEED = 5;

    private TestWorld() {
    }

    static Dataset reversals() {
        return Families.generator("simple-reversals").generate(REVERSALS, REVERSALS_SEED);
    }

    static List<String> vocabulary() {
        StringBuilder text = new StringBuilder();
        reversals().documents().forEach(d -> text.append(d.text()).append(' '));
        text.append(resource("templates/default/local.txt")).append(' ').append(resource("templates/default/global.txt"));
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.toString().split("\\s+")) {
            String bare = word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
            if (!bare.isEmpty() && bare.chars().allMatch(Character::isLetterOrDigit)) {
                words.add(bare);
            }
        }
        Set<String> withPeriods = new LinkedHashSet<>(words);
        words.forEach(w -> withPeriods.add(w + "."));
        return List.copyOf(withPeriods);
    }

    private static String resource(String name) {
        try (InputStream in = TestWorld.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
