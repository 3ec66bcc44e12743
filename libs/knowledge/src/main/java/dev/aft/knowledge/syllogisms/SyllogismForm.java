package dev.aft.knowledge.syllogisms;

import static dev.aft.knowledge.syllogisms.Quantifier.ALL;
import static dev.aft.knowledge.syllogisms.Quantifier.NO;
import static dev.aft.knowledge.syllogisms.Quantifier.SOME;

import java.util.List;
import java.util.Map;

/**
 * The valid syllogism forms whose conclusion is "all", "no" or "some" (the study leaves partial negatives
 * out). They are the nine forms valid without existential import, so each conclusion follows even if a term
 * could be empty; forms that need existential import (Barbari, Darapti, ...) are left out. S, M and P are
 * the minor, middle and major terms; the conclusion is always about S and P.
 */
public enum SyllogismForm {
    BARBARA(ALL, "M", "P", ALL, "S", "M", ALL),
    CELARENT(NO, "M", "P", ALL, "S", "M", NO),
    DARII(ALL, "M", "P", SOME, "S", "M", SOME),
    CESARE(NO, "P", "M", ALL, "S", "M", NO),
    CAMESTRES(ALL, "P", "M", NO, "S", "M", NO),
    DATISI(ALL, "M", "P", SOME, "M", "S", SOME),
    DISAMIS(SOME, "M", "P", ALL, "M", "S", SOME),
    CALEMES(ALL, "P", "M", NO, "M", "S", NO),
    DIMATIS(SOME, "P", "M", ALL, "M", "S", SOME);

    private final Quantifier majorQuantifier;
    private final String majorSubject;
    private final String majorPredicate;
    private final Quantifier minorQuantifier;
    private final String minorSubject;
    private final String minorPredicate;
    private final Quantifier conclusion;

    SyllogismForm(Quantifier majorQuantifier, String majorSubject, String majorPredicate,
            Quantifier minorQuantifier, String minorSubject, String minorPredicate, Quantifier conclusion) {
        this.majorQuantifier = majorQuantifier;
        this.majorSubject = majorSubject;
        this.majorPredicate = majorPredicate;
        this.minorQuantifier = minorQuantifier;
        this.minorSubject = minorSubject;
        this.minorPredicate = minorPredicate;
        this.conclusion = conclusion;
    }

    /** The form's name as a test sub-type, e.g. {@code barbara}. */
    public String subType() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The two premises (major first) with the terms filled in. */
    public List<Statement> premises(String s, String m, String p) {
        Map<String, String> terms = Map.of("S", s, "M", m, "P", p);
        return List.of(
                new Statement(majorQuantifier, terms.get(majorSubject), terms.get(majorPredicate)),
                new Statement(minorQuantifier, terms.get(minorSubject), terms.get(minorPredicate)));
    }

    public Statement conclusion(String s, String p) {
        return new Statement(conclusion, s, p);
    }
}
