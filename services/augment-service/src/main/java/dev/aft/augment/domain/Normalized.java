package dev.aft.augment.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form statements are compared in for deduplication: lower case, typographic quotes made plain, quotes
 * dropped, white space collapsed, a leading list marker and trailing sentence punctuation removed. Two
 * statements that differ only in those respects are duplicates.
 */
public final class Normalized {

    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*\u2022]+|\\d+[.)]|\\(\\d+\\))\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s.!?;:,]+$");

    private Normalized() {
    }

    public static String of(String text) {
        String plain = text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace("\"", "").replace("'", "");
        String spaced = SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        String unlisted = LIST_MARKER.matcher(spaced).replaceFirst("");
        return TRAILING.matcher(unlisted).replaceAll("");
    }
}
