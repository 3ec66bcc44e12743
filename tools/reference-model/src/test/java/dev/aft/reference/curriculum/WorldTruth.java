package dev.aft.reference.curriculum;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.truth.GroundTruth;
import dev.aft.knowledge.truth.GroundTruths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent truth check of curriculum statements: libs/knowledge's ground truth where a family has one
 * (simple-reversals, simple-syllogisms), otherwise a check written here from the world's facts: semantic
 * statements by inheritance along the is-a chain, celebrity statements in either order.
 */
final class WorldTruth {

    private static final Pattern KIND_OF = Pattern.compile("^One kind of (\\w+) is a (\\w+)$");
    private static final Pattern SOMETHING_THAT = Pattern.compile("^Something that (.+) is a (\\w+)$");
    private static final Pattern IS_A = Pattern.compile(
            "^(?:A|Every|The|Each and every) (\\w+) (?:is a kind of|is a type of|is one of the kinds of"
                    + "|counts among the kinds of|is a) (\\w+)$");
    private static final Pattern PREDICATE = Pattern.compile("^(?:A|Every|The|Each and every) (\\w+) (.+)$");

    private final Dataset dataset;
    private final Optional<GroundTruth> groundTruth;
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Set<String>> predicates = new HashMap<>();

    WorldTruth(Dataset dataset) {
        this.dataset = dataset;
        this.groundTruth = GroundTruths.of(dataset);
        if (dataset.family().equals(CurriculumWorlds.SEMANTIC)) {
            for (Fact fact : dataset.facts()) {
                if (fact.relation().equals("is-a")) {
                    parent.put(fact.subject(), fact.object());
                } else {
                    String head = "A " + fact.subject() + " ";
                    predicates.computeIfAbsent(fact.subject(), s -> new HashSet<>())
                            .add(fact.sentence().substring(head.length(), fact.sentence().length() - 1));
                }
            }
        }
    }

    boolean isTrue(String statement) {
        if (groundTruth.isPresent()) {
            return groundTruth.get().isTrue(statement);
        }
        String s = statement.strip();
        s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return switch (dataset.family()) {
            case CurriculumWorlds.SEMANTIC -> semantic(s);
            case CurriculumWorlds.CELEBRITIES -> celebrity(s);
            default -> false;
        };
    }

    private boolean semantic(String s) {
        Matcher m = KIND_OF.matcher(s);
        if (m.matches()) {
            return ancestors(m.group(2)).contains(m.group(1));
        }
        m = SOMETHING_THAT.matcher(s);
        if (m.matches()) {
            return holds(m.group(2), m.group(1));
        }
        m = IS_A.matcher(s);
        if (m.matches()) {
            return ancestors(m.group(1)).contains(m.group(2));
        }
        m = PREDICATE.matcher(s);
        return m.matches() && holds(m.group(1), m.group(2));
    }

    private Set<String> ancestors(String category) {
        Set<String> ancestors = new LinkedHashSet<>();
        for (String p = parent.get(category); p != null && ancestors.add(p); p = parent.get(p)) {
            // walk up
        }
        return ancestors;
    }

    private boolean holds(String category, String predicate) {
        if (predicates.getOrDefault(category, Set.of()).contains(predicate)) {
            return true;
        }
        return ancestors(category).stream().anyMatch(a -> predicates.getOrDefault(a, Set.of()).contains(predicate));
    }

    private boolean celebrity(String s) {
        for (Fact fact : dataset.facts()) {
            String description = fact.object();
            String capitalized = Character.toUpperCase(description.charAt(0)) + description.substring(1);
            if (s.equals(fact.subject() + " was " + description) || s.equals(capitalized + " was " + fact.subject())) {
                return true;
            }
        }
        return false;
    }
}
