package dev.aft.knowledge.syllogisms;

import java.util.ArrayList;
import java.util.List;

/** A categorical statement "Q subject are predicate", e.g. "All glon are yomp". */
public record Statement(Quantifier quantifier, String subject, String predicate) {

    public String clause() {
        return quantifier.word() + " " + subject + " are " + predicate;
    }

    public String sentence() {
        return clause() + ".";
    }

    /** The six statements about two terms: {all, some, no} x {both directions}. */
    public static List<Statement> allAbout(String first, String second) {
        List<Statement> statements = new ArrayList<>();
        for (Quantifier quantifier : Quantifier.values()) {
            statements.add(new Statement(quantifier, first, second));
            statements.add(new Statement(quantifier, second, first));
        }
        return statements;
    }
}
