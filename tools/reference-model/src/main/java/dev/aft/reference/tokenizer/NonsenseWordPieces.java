package dev.aft.reference.tokenizer;

import static dev.aft.knowledge.lexicon.WordShape.CLUSTER_CODAS;
import static dev.aft.knowledge.lexicon.WordShape.CLUSTER_ONSETS;
import static dev.aft.knowledge.lexicon.WordShape.CODAS_AFTER_DIGRAPH;
import static dev.aft.knowledge.lexicon.WordShape.DIGRAPHS;
import static dev.aft.knowledge.lexicon.WordShape.FINAL_OF_TWO;
import static dev.aft.knowledge.lexicon.WordShape.MEDIAL;
import static dev.aft.knowledge.lexicon.WordShape.SINGLE_CODAS;
import static dev.aft.knowledge.lexicon.WordShape.SINGLE_ONSETS;
import static dev.aft.knowledge.lexicon.WordShape.VOWELS;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Syllable pieces of the lexicon's nonsense-word shapes (libs/knowledge's {@code WordShape}: onset + rime, or
 * consonant-vowel + consonant-vowel-final), so that a nonsense word the vocabulary does not list still encodes
 * as two tokens ({@code ▁gl} + {@code omp}, {@code ▁ba} + {@code vor}) instead of one token per letter. The
 * pieces are built from {@code WordShape}'s own phoneme lists; a test checks that sampled lexicon words take at
 * most two tokens.
 */
final class NonsenseWordPieces {

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
