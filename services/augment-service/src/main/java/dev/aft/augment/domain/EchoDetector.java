package dev.aft.augment.domain;

import dev.aft.knowledge.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes output that repeats the prompt instead of adding to it: a line with a delimiter marker, a line
 * that opens with one of the template's labels ("Statements:"), a sentence of the template itself (its
 * instructions and few-shot examples), or any run of {@value #SHINGLE} consecutive words of the template.
 */
public final class EchoDetector {

    static final int SHINGLE = 8;
    private static final Pattern TAG = Pattern.compile("</?\\s*(?:document|documents|sentence)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);

    private final List<String> labels = new ArrayList<>();
    private final Set<String> sentences = new HashSet<>();
    private final Set<String> shingles = new HashSet<>();

    public EchoDetector(PromptTemplate template) {
        StringBuilder all = new StringBuilder();
        for (String line : template.instructionLines()) {
            String plain = TAG.matcher(line).replaceAll(" ").strip();
            if (plain.isEmpty()) {
                continue;
            }
            if (plain.endsWith(":")) {
                labels.add(plain.toLowerCase(Locale.ROOT));
            }
            for (String sentence : SentenceSplitter.sentences(plain)) {
                String normalized = Normalized.of(sentence);
                if (!normalized.isEmpty()) {
                    sentences.add(normalized);
                }
            }
            all.append(Normalized.of(plain)).append(' ');
        }
        List<String> words = words(all.toString());
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
    }

    public boolean isEcho(String candidate) {
        if (PromptMarkers.containsMarker(candidate)) {
            return true;
        }
        String lower = candidate.strip().toLowerCase(Locale.ROOT);
        if (labels.stream().anyMatch(lower::startsWith)) {
            return true;
        }
        String normalized = Normalized.of(candidate);
        if (sentences.contains(normalized)) {
            return true;
        }
        List<String> words = words(normalized);
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            if (shingles.contains(String.join(" ", words.subList(i, i + SHINGLE)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String normalized) {
        return Arrays.stream(normalized.replaceAll("[^\\p{L}\\p{N}' ]", " ").split("\\s+"))
                .filter(w -> !w.isEmpty()).toList();
    }
}
