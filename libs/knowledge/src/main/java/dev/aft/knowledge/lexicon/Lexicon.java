package dev.aft.knowledge.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Nonsense words for worlds whose knowledge must not overlap with pretraining: 4-5 lower-case letters built
 * from English-like phoneme sequences, never a word of the shipped English list nor a plain inflection of one
 * ("cats", "jumped"). Draw words for one world from a {@link Session}, which never repeats a word.
 */
public final class Lexicon {

    static final String ENGLISH_WORDS = "/dev/aft/knowledge/english-words.txt";
    private static final List<String> INFLECTIONS = List.of("s", "es", "ed", "d", "er", "r", "y", "ly", "ing");
    private static final int MAX_REJECTIONS_IN_A_ROW = 100_000;
    private static volatile Lexicon standard;

    private final Set<String> english;

    Lexicon(Set<String> english) {
        this.english = Set.copyOf(english);
    }

    /** The lexicon backed by the shipped English word list. */
    public static Lexicon standard() {
        Lexicon lexicon = standard;
        if (lexicon == null) {
            synchronized (Lexicon.class) {
                if (standard == null) {
                    standard = new Lexicon(loadEnglish());
                }
                lexicon = standard;
            }
        }
        return lexicon;
    }

    /** The English words candidates are checked against. */
    public Set<String> englishWords() {
        return english;
    }

    /** Whether {@code word} is in the English list or is a plain inflection of a word in it. */
    public boolean isEnglishLike(String word) {
        if (english.contains(word)) {
            return true;
        }
        for (String ending : INFLECTIONS) {
            if (word.length() > ending.length() + 2 && word.endsWith(ending)
                    && english.contains(word.substring(0, word.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} is a word this lexicon could hand out. */
    public boolean isNonsenseWord(String word) {
        return WordShape.hasAllowedLength(word) && word.chars().allMatch(c -> c >= 'a' && c <= 'z')
                && !isEnglishLike(word);
    }

    /** A fresh draw-without-replacement over this lexicon, driven by {@code random}. */
    public Session session(Random random) {
        return new Session(random);
    }

    /** The words of one world: distinct, reproducible from the random stream that drives them. */
    public final class Session {

        private final Random random;
        private final Set<String> used = new LinkedHashSet<>();

        private Session(Random random) {
            this.random = random;
        }

        public String next() {
            for (int attempt = 0; attempt < MAX_REJECTIONS_IN_A_ROW; attempt++) {
                String candidate = WordShape.candidate(random);
                if (!used.contains(candidate) && isNonsenseWord(candidate)) {
                    used.add(candidate);
                    return candidate;
                }
            }
            throw new IllegalStateException("the lexicon is exhausted after " + used.size() + " words");
        }

        public List<String> next(int count) {
            List<String> words = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                words.add(next());
            }
            return words;
        }

        /** Every word handed out so far, in order. */
        public Set<String> used() {
            return java.util.Collections.unmodifiableSet(used);
        }
    }

    private static Set<String> loadEnglish() {
        try (InputStream in = Lexicon.class.getResourceAsStream(ENGLISH_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ENGLISH_WORDS);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
