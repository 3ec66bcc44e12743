package dev.aft.model.inference;

/** One prompt of a request, as the client sent it: text, or token ids. */
public record Prompt(String text, int[] ids) {

    public static Prompt text(String text) {
        return new Prompt(text, null);
    }

    public static Prompt ids(int[] ids) {
        return new Prompt(null, ids);
    }

    public boolean isText() {
        return text != null;
    }
}
