package dev.aft.knowledge.semantic;

/** The kinds of property a category can have, with the words that introduce each. */
public enum PropertyKind {
    PART("has", "has-part"),
    QUALITY("is", "has-quality"),
    ABILITY("can", "has-ability");

    private final String keyword;
    private final String relation;

    PropertyKind(String keyword, String relation) {
        this.keyword = keyword;
        this.relation = relation;
    }

    /** The word that introduces this kind in the taxonomy resource. */
    String keyword() {
        return keyword;
    }

    /** The fact relation name, e.g. {@code has-part}. */
    public String relation() {
        return relation;
    }

    static PropertyKind ofKeyword(String keyword) {
        for (PropertyKind kind : values()) {
            if (kind.keyword.equals(keyword)) {
                return kind;
            }
        }
        return null;
    }
}
