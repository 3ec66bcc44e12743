package dev.aft.knowledge;

import java.util.Arrays;
import java.util.List;

/** Test-side text helpers, written independently of the generators. */
public final class Texts {

    private Texts() {
    }

    /** Sentences of a document: split after ".", "?" or ":" followed by white space or the end. */
    public static List<String> sentences(String text) {
        return Arrays.stream(text.split("(?<=[.?])\\s+"))
                .map(s -> s.startsWith("- ") ? s.substring(2) : s)
                .filter(s -> !s.isBlank())
                .toList();
    }

    /** Lower-case words of a sentence, punctuation stripped. */
    public static List<String> words(String sentence) {
        return Arrays.stream(sentence.split("[^A-Za-z]+")).filter(w -> !w.isEmpty())
                .map(String::toLowerCase).toList();
    }
}
