package dev.aft.knowledge.syllogisms;

/** The quantifiers of the study's categorical statements; the partial negative "some ... are not" is left out. */
public enum Quantifier {
    ALL("All", "all-are"),
    SOME("Some", "some-are"),
    NO("No", "no-are");

    private final String word;
    private final String relation;

    Quantifier(String word, String relation) {
        this.word = word;
        this.relation = relation;
    }

    public String word() {
        return word;
    }

    /** The fact relation name, e.g. {@code all-are}. */
    public String relation() {
        return relation;
    }
}
