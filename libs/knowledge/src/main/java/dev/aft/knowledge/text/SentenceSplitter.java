package dev.aft.knowledge.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a document into sentences, the unit of local augmentation and of sentence-split fine-tuning (one
 * definition, so that both services cut documents the same way).
 *
 * <p>Rules: a line break always ends a sentence; within a line, a sentence ends after a run of {@code . ! ?}
 * (and any closing quotes or brackets right after it) that is followed by white space or the end of the text.
 * No break after a few common abbreviations ({@code e.g.}, {@code i.e.}, {@code Mr.}, {@code Dr.}, ...) or a
 * single capital initial ({@code J. Smith}); a period inside a token ({@code 3.5}, {@code example.com}) is no
 * break either. Colons never end a sentence. Sentences are trimmed of surrounding white space but otherwise
 * kept exactly as written (list markers such as {@code "- "} included); blank stretches yield nothing.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "etc.", "mr.", "mrs.", "ms.", "dr.",
            "prof.", "st.", "vs.", "cf.", "jr.", "sr.");

    private SentenceSplitter() {
    }

    /** The sentences of {@code text} with their positions. */
    public static List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(text, start, i, sentences);
                start = i + 1;
                i++;
            } else if (c == '.' || c == '!' || c == '?') {
                int end = i + 1;
                while (end < n && isTerminator(text.charAt(end))) {
                    end++;
                }
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                boolean boundary = end == n || Character.isWhitespace(text.charAt(end));
                if (boundary && !(c == '.' && end == i + 1 && abbreviationEndsAt(text, start, i))) {
                    add(text, start, end, sentences);
                    start = end;
                }
                i = end;
            } else {
                i++;
            }
        }
        add(text, start, n, sentences);
        return sentences;
    }

    /** The sentence texts of {@code text}. */
    public static List<String> sentences(String text) {
        return split(text).stream().map(Sentence::text).toList();
    }

    private static void add(String text, int from, int to, List<Sentence> sentences) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            sentences.add(new Sentence(sentences.size(), from, to, text.substring(from, to)));
        }
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019';
    }

    /** Whether the word ending with the period at {@code dot} is an abbreviation or an initial. */
    private static boolean abbreviationEndsAt(String text, int sentenceStart, int dot) {
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && text.charAt(wordStart - 1) != '(') {
            wordStart--;
        }
        String word = text.substring(wordStart, dot + 1);
        if (word.length() == 2 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }
}
