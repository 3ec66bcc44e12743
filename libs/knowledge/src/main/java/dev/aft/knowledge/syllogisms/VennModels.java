package dev.aft.knowledge.syllogisms;

import java.util.List;

/**
 * Decides entailment between categorical statements over three terms by checking every Venn diagram: each of
 * the eight regions (inside or outside each term) is empty or not, 256 models in all. Under existential import
 * only the models where every term is non-empty count.
 */
final class VennModels {

    private VennModels() {
    }

    static boolean entails(List<String> terms, List<Statement> premises, Statement claim,
            boolean existentialImport) {
        for (int model = 0; model < 256; model++) {
            if (existentialImport && !everyTermOccupied(model, terms.size())) {
                continue;
            }
            final int occupied = model;
            boolean premisesHold = premises.stream().allMatch(p -> holds(occupied, terms, p));
            if (premisesHold && !holds(occupied, terms, claim)) {
                return false;
            }
        }
        return true;
    }

    private static boolean everyTermOccupied(int model, int termCount) {
        for (int term = 0; term < termCount; term++) {
            boolean occupied = false;
            for (int region = 0; region < 8; region++) {
                occupied |= isOccupied(model, region) && inside(region, term);
            }
            if (!occupied) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(int model, List<String> terms, Statement statement) {
        int subject = terms.indexOf(statement.subject());
        int predicate = terms.indexOf(statement.predicate());
        boolean someBoth = false;
        boolean someSubjectOutsidePredicate = false;
        for (int region = 0; region < 8; region++) {
            if (isOccupied(model, region) && inside(region, subject)) {
                someBoth |= inside(region, predicate);
                someSubjectOutsidePredicate |= !inside(region, predicate);
            }
        }
        return switch (statement.quantifier()) {
            case ALL -> !someSubjectOutsidePredicate;
            case SOME -> someBoth;
            case NO -> !someBoth;
        };
    }

    private static boolean isOccupied(int model, int region) {
        return (model >> region & 1) == 1;
    }

    private static boolean inside(int region, int term) {
        return (region >> term & 1) == 1;
    }
}
