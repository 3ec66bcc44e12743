package dev.aft.augment.domain;

import java.util.regex.Pattern;

/**
 * How user data is delimited in prompts: a document between {@code <document id="...">} and
 * {@code </document>} lines, a sentence between {@code <sentence>} and {@code </sentence>}. Documents are data,
 * not instructions: any text inside them that looks like one of these markers has its {@code <} replaced by
 * {@code ‹}, so a document can never close its own delimiter, and output lines that contain a marker are
 * dropped as echoes of the prompt.
 */
public final class PromptMarkers {

    private static final Pattern MARKER = Pattern.compile("<(?=\\s*/?\\s*(?:document|documents|sentence)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_MARKER = Pattern.compile("[<\u2039]\\s*/?\\s*(?:document|documents|sentence)\\b",
            Pattern.CASE_INSENSITIVE);

    private PromptMarkers() {
    }

    /** User text with marker look-alikes defused. */
    public static String escape(String userText) {
        return MARKER.matcher(userText).replaceAll("\u2039");
    }

    public static String document(String id, String text) {
        return "<document id=\"" + escape(id).replace("\"", "'") + "\">\n" + escape(text.strip()) + "\n</document>";
    }

    public static String sentence(String text) {
        return "<sentence>" + escape(text.strip()) + "</sentence>";
    }

    /** Whether a line of output contains a delimiter (or a defused one). */
    public static boolean containsMarker(String line) {
        return ANY_MARKER.matcher(line).find();
    }
}
