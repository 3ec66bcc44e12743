package dev.aft.knowledge.semantic;

import dev.aft.knowledge.Fact;

/** One fact of a category as something a document can say: who it is about, the fact, and its predicate. */
record Statement(Category subject, Fact fact, String predicate) {

    boolean isIsA() {
        return predicate == null;
    }

    static Statement isA(Category category) {
        return new Statement(category, category.isA(), null);
    }

    /** Every fact of {@code category} as statements: is-a (if any), properties, relations. */
    static java.util.List<Statement> of(Category category) {
        java.util.List<Statement> statements = new java.util.ArrayList<>();
        if (category.isA() != null) {
            statements.add(isA(category));
        }
        category.properties().forEach((p, f) -> statements.add(new Statement(category, f, p.predicate())));
        category.relations().forEach((r, f) -> statements.add(new Statement(category, f, r.predicate())));
        return statements;
    }
}
