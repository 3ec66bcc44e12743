package dev.aft.knowledge.semantic;

/** A relation from a category to another category through a (nonsense) verb: "will blick a vomp". */
public record Relation(String verb, Category object) {

    public String predicate() {
        return "will " + verb + " a " + object.word();
    }

    /** The fact relation name, e.g. {@code will-blick}. */
    public String factRelation() {
        return "will-" + verb;
    }
}
