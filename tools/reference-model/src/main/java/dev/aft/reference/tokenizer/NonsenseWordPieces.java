package dev.aft.reference.tokenizer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Syllable pieces of the lexicon's nonsense-word shapes (libs/knowledge's {@code WordShape}: onset + rime, or
 * consonant-vowel + consonant-vowel-final), so that a nonsense word the vocabulary does not list still encodes
 * as two tokens ({@code ▁gl} + {@code omp}, {@code ▁ba} + {@code vor}) instead of one token per letter. The
 * phoneme lists mirror {@code WordShape}'s; a test checks that sampled lexicon words take at most two tokens,
 * so a change there shows up here.
 */
final class NonsenseWordPieces {

    private static final List<String> SINGLE_ONSETS = List.of(
            "b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y", "z");
    private static final List<String> CLUSTER_ONSETS = List.of(
            "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "sk", "sl", "sm", "sn", "sp",
            "st", "sw", "tr", "tw", "sh", "ch", "th");
    private static final List<String> VOWELS = List.of("a", "e", "i", "o", "u");
    private static final List<String> DIGRAPHS = List.of("ee", "oo", "ai", "ou", "oi");
    private static final List<String> SINGLE_CODAS = List.of(
            "b", "d", "g", "k", "l", "m", "n", "p", "t", "x", "z");
    private static final List<String> CLUSTER_CODAS = List.of(
            "ff", "ll", "ck", "nd", "nt", "mp", "nk", "ng", "sk", "sp", "st", "ft", "lt", "lk", "lp", "lm",
            "rb", "rd", "rk", "rm", "rn", "rp", "rt", "sh", "th", "ch");
    private static final List<String> CODAS_AFTER_DIGRAPH = List.of("d", "k", "l", "m", "n", "p", "t");
    private static final List<String> MEDIAL = List.of(
            "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z");
    private static final List<String> FINAL_OF_TWO = List.of("", "l", "m", "n", "r", "t", "k", "x");

    private NonsenseWordPieces() {
    }

    /** Word-initial pieces (with the space mark) and word-final pieces (without), in a fixed order. */
    static List<String> pieces() {
        Set<String> pieces = new LinkedHashSet<>();
        for (String onset : SINGLE_ONSETS) {
            pieces.add(ReferenceTokenizer.SPACE + onset);
        }
        for (String onset : CLUSTER_ONSETS) {
            pieces.add(ReferenceTokenizer.SPACE + onset);
        }
        for (String vowel : VOWELS) {
            for (String coda : SINGLE_CODAS) {
                pieces.add(vowel + coda);
            }
            for (String coda : CLUSTER_CODAS) {
                pieces.add(vowel + coda);
            }
        }
        for (String digraph : DIGRAPHS) {
            for (String coda : CODAS_AFTER_DIGRAPH) {
                pieces.add(digraph + coda);
            }
        }
        for (String onset : SINGLE_ONSETS) {
            for (String vowel : VOWELS) {
                pieces.add(ReferenceTokenizer.SPACE + onset + vowel);
            }
        }
        for (String medial : MEDIAL) {
            for (String vowel : VOWELS) {
                for (String last : FINAL_OF_TWO) {
                    pieces.add(medial + vowel + last);
                }
            }
        }
        return List.copyOf(pieces);
    }
}
