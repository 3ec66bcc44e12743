package dev.aft.augment.domain;

import java.util.regex.Pattern;

/**
 * What a statement must look like: one sentence of {@code minChars}..{@code maxChars} characters and at least
 * {@code minWords} words, with a letter, ending in exactly one period, using only the allowed characters
 * ({@code allowedCharacters} is the body of a regular-expression class; periods are allowed inside, as in
 * {@code 3.5}, but never two in a row).
 */
public record ShapeRules(int minChars, int maxChars, int minWords, String allowedCharacters) {

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    public ShapeRules {
        if (minChars < 1 || maxChars < minChars || minWords < 1) {
            throw new IllegalArgumentException("inconsistent statement limits: chars " + minChars + ".." + maxChars
                    + ", words >= " + minWords);
        }
        Pattern.compile("[." + allowedCharacters + "]+");
    }

    public boolean accepts(String candidate) {
        int length = candidate.length();
        if (length < minChars || length > maxChars || !candidate.endsWith(".") || candidate.contains("..")) {
            return false;
        }
        if (!candidate.matches("[." + allowedCharacters + "]+") || !LETTER.matcher(candidate).find()) {
            return false;
        }
        return candidate.strip().split("\\s+").length >= minWords;
    }
}
