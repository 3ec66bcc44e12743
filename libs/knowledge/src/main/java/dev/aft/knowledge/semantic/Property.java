package dev.aft.knowledge.semantic;

/** A property of a category: its kind and its (nonsense) word, e.g. PART "trenk" ("has a trenk"). */
public record Property(PropertyKind kind, String word) {

    /** The predicate as it follows the subject: "has a trenk", "is brell", "can zorp". */
    public String predicate() {
        return switch (kind) {
            case PART -> "has a " + word;
            case QUALITY -> "is " + word;
            case ABILITY -> "can " + word;
        };
    }
}
