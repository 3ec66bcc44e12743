package dev.aft.augment.domain;

import dev.aft.knowledge.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the context of a global prompt when the corpus does not fit: documents ranked by how many distinct
 * words they share with the focus document (entities of a generated world are words; words of three letters
 * or more, common English function words left out), ties in corpus order; taken greedily while they fit the
 * budget (a document that does not fit is skipped and smaller ones after it may still go in). The selection
 * is returned in corpus order.
 */
public final class ContextSelector {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOPWORDS = Set.of("the", "and", "are", "was", "were", "that", "this", "than",
            "for", "with", "from", "has", "have", "had", "not", "all", "some", "you", "your", "its", "it's", "but",
            "can", "into", "more", "less", "most", "about", "which", "who", "what", "when", "where", "why", "how",
            "did", "does", "know", "known", "well", "one", "any", "every", "each", "also", "there", "their", "they",
            "them", "these", "those", "been", "being", "will", "would", "should", "could", "may", "might", "type",
            "kind", "between", "relationships");

    private ContextSelector() {
    }

    /**
     * @param cost   tokens a document adds to the prompt
     * @param budget tokens available for context documents
     */
    public static List<Document> select(Document focus, List<Document> others, ToIntFunction<Document> cost,
            int budget) {
        return select(focus, others, cost, d -> words(d.text()), budget);
    }

    /** As above, with the documents' word sets from {@code wordsOf} (computed once per corpus by the caller). */
    public static List<Document> select(Document focus, List<Document> others, ToIntFunction<Document> cost,
            Function<Document, Set<String>> wordsOf, int budget) {
        Set<String> focusWords = wordsOf.apply(focus);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            int shared = 0;
            for (String word : wordsOf.apply(others.get(i))) {
                if (focusWords.contains(word)) {
                    shared++;
                }
            }
            ranked.add(new Ranked(i, shared));
        }
        ranked.sort(Comparator.comparingInt(Ranked::shared).reversed().thenComparingInt(Ranked::position));
        boolean[] chosen = new boolean[others.size()];
        int left = budget;
        for (Ranked r : ranked) {
            int tokens = cost.applyAsInt(others.get(r.position()));
            if (tokens <= left) {
                chosen[r.position()] = true;
                left -= tokens;
            }
        }
        List<Document> selected = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            if (chosen[i]) {
                selected.add(others.get(i));
            }
        }
        return selected;
    }

    /** The distinct content words of a text, lower case. */
    public static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            if (word.length() >= 3 && !STOPWORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private record Ranked(int position, int shared) {
    }
}
