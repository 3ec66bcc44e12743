package dev.aft.knowledge.lexicon;

import java.util.List;
import java.util.Random;

/**
 * English-like phonotactics for nonsense words: a one-syllable shape (onset, nucleus, coda: "glon", "troff",
 * "yomp") and a two-syllable shape (consonant, vowel, consonant, vowel, optional coda: "bavo", "lumar").
 * Onsets are always consonants, so every word takes the article "a", and only lower-case ASCII letters occur.
 * The phoneme lists are public so that a tokenizer can cover the same shapes.
 */
public final class WordShape {

    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 5;

    public static final List<String> SINGLE_ONSETS = List.of(
            "b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y", "z");
    public static final List<String> CLUSTER_ONSETS = List.of(
            "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "sk", "sl", "sm", "sn", "sp",
            "st", "sw", "tr", "tw", "sh", "ch", "th");
    public static final List<String> VOWELS = List.of("a", "e", "i", "o", "u");
    public static final List<String> DIGRAPHS = List.of("ee", "oo", "ai", "ou", "oi");
    public static final List<String> SINGLE_CODAS = List.of(
            "b", "d", "g", "k", "l", "m", "n", "p", "t", "x", "z");
    public static final List<String> CLUSTER_CODAS = List.of(
            "ff", "ll", "ck", "nd", "nt", "mp", "nk", "ng", "sk", "sp", "st", "ft", "lt", "lk", "lp", "lm",
            "rb", "rd", "rk", "rm", "rn", "rp", "rt", "sh", "th", "ch");
    public static final List<String> CODAS_AFTER_DIGRAPH = List.of("d", "k", "l", "m", "n", "p", "t");
    public static final List<String> MEDIAL = List.of(
            "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z");
    public static final List<String> FINAL_OF_TWO = List.of("", "", "l", "m", "n", "r", "t", "k", "x");

    private WordShape() {
    }

    /** One candidate; may be of the wrong length or a real word, which the caller rejects. */
    static String candidate(Random random) {
        return random.nextInt(10) < 7 ? oneSyllable(random) : twoSyllables(random);
    }

    private static String oneSyllable(Random random) {
        String onset = random.nextInt(2) == 0 ? pick(SINGLE_ONSETS, random) : pick(CLUSTER_ONSETS, random);
        if (random.nextInt(4) == 0) {
            return onset + pick(DIGRAPHS, random) + pick(CODAS_AFTER_DIGRAPH, random);
        }
        String coda = random.nextInt(2) == 0 ? pick(SINGLE_CODAS, random) : pick(CLUSTER_CODAS, random);
        return onset + pick(VOWELS, random) + coda;
    }

    private static String twoSyllables(Random random) {
        return pick(SINGLE_ONSETS, random) + pick(VOWELS, random) + pick(MEDIAL, random) + pick(VOWELS, random)
                + pick(FINAL_OF_TWO, random);
    }

    static boolean hasAllowedLength(String word) {
        return word.length() >= MIN_LENGTH && word.length() <= MAX_LENGTH;
    }

    private static String pick(List<String> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}
