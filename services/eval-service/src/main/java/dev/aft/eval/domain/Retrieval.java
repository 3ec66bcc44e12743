package dev.aft.eval.domain;

import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ranks training documents by the words they share with a question (its prefix and all its options), each
 * shared word weighted by its inverse document frequency {@code ln(N / df)}: the study's entities are rare
 * nonsense words and weigh most, words every document has weigh nothing. Documents sharing nothing are left out.
 */
public final class Retrieval {

    private final List<Set<String>> documentWords = new ArrayList<>();
    private final Map<String, Double> idf = new HashMap<>();

    public Retrieval(List<Document> documents) {
        Map<String, Integer> frequency = new HashMap<>();
        for (Document document : documents) {
            Set<String> words = words(document.text());
            documentWords.add(words);
            words.forEach(w -> frequency.merge(w, 1, Integer::sum));
        }
        int n = documents.size();
        frequency.forEach((word, df) -> idf.put(word, Math.log((double) n / df)));
    }

    /** Indexes of the documents that share a weighted word with the item, best first (ties: earlier first). */
    public List<Integer> rank(TestItem item) {
        Set<String> query = words(item.prefix() + " " + String.join(" ", item.options()));
        double[] score = new double[documentWords.size()];
        List<Integer> hits = new ArrayList<>();
        for (int d = 0; d < documentWords.size(); d++) {
            for (String word : query) {
                if (documentWords.get(d).contains(word)) {
                    score[d] += idf.getOrDefault(word, 0.0);
                }
            }
            if (score[d] > 0) {
                hits.add(d);
            }
        }
        hits.sort(Comparator.<Integer>comparingDouble(d -> -score[d]).thenComparingInt(d -> d));
        return hits;
    }

    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
