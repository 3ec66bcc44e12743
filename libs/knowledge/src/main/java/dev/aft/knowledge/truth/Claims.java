package dev.aft.knowledge.truth;

import java.util.Locale;
import java.util.regex.Pattern;

/** Shared reading helpers for the ground-truth checkers. */
public final class Claims {

    /** Negations a checker cannot read: a sentence with one of them is never counted as true. */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(not|never|false|untrue|neither|nor|cannot)\\b|n't\\b", Pattern.CASE_INSENSITIVE);

    private Claims() {
    }

    public static boolean hasUnreadableNegation(String sentence) {
        return NEGATION.matcher(sentence).find();
    }

    /** Lower case with single spaces, for matching words case-insensitively. */
    public static String normalize(String sentence) {
        return sentence.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
