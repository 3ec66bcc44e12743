package dev.aft.knowledge.text;

/**
 * One sentence of a text: its 0-based index in the text, and where it sits there ({@code start} inclusive,
 * {@code end} exclusive), so that {@code text.substring(start, end)} is exactly {@link #text()}.
 */
public record Sentence(int index, int start, int end, String text) {

    public Sentence {
        if (start < 0 || end < start || text.length() != end - start) {
            throw new IllegalArgumentException("inconsistent sentence span " + start + ".." + end + " for '" + text + "'");
        }
    }
}
