package dev.aft.knowledge.syllogisms;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent check of categorical entailment: every assignment of three terms to subsets of a
 * four-element universe (4,096 models), which is enough for a counter-model of any statement here (at most
 * one witness per "some" premise plus one for the negated claim). Statements are read from their text.
 */
final class SetModelReasoner {

    private static final Pattern STATEMENT = Pattern.compile("^(All|Some|No) ([a-z]+) are ([a-z]+)\\.?$");
    private static final int UNIVERSE = 4;

    private SetModelReasoner() {
    }

    /** Whether the premises make {@code claim} true in every model (optionally only models with no empty term). */
    static boolean entails(List<String> terms, List<String> premises, String claim, boolean existentialImport) {
        int subsets = 1 << UNIVERSE;
        for (int a = 0; a < subsets; a++) {
            for (int b = 0; b < subsets; b++) {
                for (int c = 0; c < subsets; c++) {
                    int[] sets = {a, b, c};
                    if (existentialImport && (a == 0 || b == 0 || c == 0)) {
                        continue;
                    }
                    boolean premisesTrue = premises.stream().allMatch(p -> isTrue(terms, sets, p));
                    if (premisesTrue && !isTrue(terms, sets, claim)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether some model with every term non-empty makes all premises true. */
    static boolean consistent(List<String> terms, List<String> premises) {
        return !entails(terms, premises, "No " + terms.get(0) + " are " + terms.get(0), true);
    }

    private static boolean isTrue(List<String> terms, int[] sets, String statement) {
        Matcher m = STATEMENT.matcher(statement);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a categorical statement: " + statement);
        }
        int subject = sets[terms.indexOf(m.group(2))];
        int predicate = sets[terms.indexOf(m.group(3))];
        return switch (m.group(1)) {
            case "All" -> (subject & ~predicate) == 0;
            case "Some" -> (subject & predicate) != 0;
            default -> (subject & predicate) == 0;
        };
    }
}
