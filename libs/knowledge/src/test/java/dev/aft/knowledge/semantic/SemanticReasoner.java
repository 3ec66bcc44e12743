package dev.aft.knowledge.semantic;

import dev.aft.knowledge.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-side reasoner for semantic worlds, built only from facts: is-a edges, and predicates each category
 * owns ("has a X", "is X", "can X", "will V a X"), inherited down the is-a tree. It reads a test's claim
 * (prefix plus option) from its text, independently of the generator's code.
 */
final class SemanticReasoner {

    private static final Pattern KIND_OF = Pattern.compile("^(?:If something is a|A) ([a-z]+)(?:, then it is a| is a kind of) ([a-z]+)$");
    private static final Pattern PREDICATE = Pattern.compile("^(?:If something is a ([a-z]+), then it|A ([a-z]+)) (.+)$");
    private static final Pattern ONE_KIND = Pattern.compile("^One kind of ([a-z]+) is a ([a-z]+)$");
    private static final Pattern SOMETHING_THAT = Pattern.compile("^Something that (.+) is a ([a-z]+)$");
    private static final Pattern RELATION = Pattern.compile("^will ([a-z]+) a ([a-z]+)$");

    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Set<String>> owned = new HashMap<>();
    private final Set<String> categories = new LinkedHashSet<>();

    SemanticReasoner(List<Fact> facts) {
        for (Fact fact : facts) {
            categories.add(fact.subject());
            switch (fact.relation()) {
                case "is-a" -> {
                    parent.put(fact.subject(), fact.object());
                    categories.add(fact.object());
                }
                case "has-part" -> own(fact.subject(), "has a " + fact.object());
                case "has-quality" -> own(fact.subject(), "is " + fact.object());
                case "has-ability" -> own(fact.subject(), "can " + fact.object());
                default -> {
                    if (!fact.relation().startsWith("will-")) {
                        throw new IllegalArgumentException("unexpected relation " + fact.relation());
                    }
                    own(fact.subject(), "will " + fact.relation().substring(5) + " a " + fact.object());
                    categories.add(fact.object());
                }
            }
        }
    }

    Set<String> categories() {
        return categories;
    }

    /** Whether the claim follows, read strictly (the named category itself holds, or is a kind of). */
    boolean follows(String claim) {
        return judge(claim, false);
    }

    /**
     * Whether the claim could be argued true under a looser reading: existentially ("something that has a
     * trenk is a dax" when some kind of dax has one), across kinds ("is a kind of" either way), or across the
     * object's own kinds for relations. A distractor must fail even this.
     */
    boolean arguable(String claim) {
        return judge(claim, true);
    }

    List<String> lineage(String category) {
        List<String> lineage = new ArrayList<>();
        for (String c = category; c != null; c = parent.get(c)) {
            lineage.add(c);
        }
        return lineage;
    }

    boolean isKindOf(String category, String ancestor) {
        return !category.equals(ancestor) && lineage(category).contains(ancestor);
    }

    private boolean judge(String claim, boolean loose) {
        Matcher m = KIND_OF.matcher(claim);
        if (m.matches()) {
            return isKindOf(m.group(1), m.group(2)) || loose && onOneLine(m.group(1), m.group(2));
        }
        m = ONE_KIND.matcher(claim);
        if (m.matches()) {
            return isKindOf(m.group(2), m.group(1)) || loose && onOneLine(m.group(1), m.group(2));
        }
        m = SOMETHING_THAT.matcher(claim);
        if (m.matches()) {
            String predicate = m.group(1);
            String answer = m.group(2);
            if (!loose) {
                return holds(answer, predicate);
            }
            Matcher relation = RELATION.matcher(predicate);
            if (relation.matches() && onOneLine(answer, relation.group(2))) {
                return true;
            }
            return categories.stream().anyMatch(x -> holdsLoosely(x, predicate) && lineage(x).contains(answer));
        }
        m = PREDICATE.matcher(claim);
        if (m.matches()) {
            String subject = m.group(1) != null ? m.group(1) : m.group(2);
            return loose ? holdsLoosely(subject, m.group(3)) : holds(subject, m.group(3));
        }
        throw new IllegalArgumentException("cannot read claim: " + claim);
    }

    private boolean holds(String category, String predicate) {
        return lineage(category).stream().anyMatch(c -> owned.getOrDefault(c, Set.of()).contains(predicate));
    }

    private boolean holdsLoosely(String category, String predicate) {
        if (holds(category, predicate)) {
            return true;
        }
        Matcher relation = RELATION.matcher(predicate);
        if (!relation.matches()) {
            return false;
        }
        for (String c : lineage(category)) {
            for (String other : owned.getOrDefault(c, Set.of())) {
                Matcher o = RELATION.matcher(other);
                if (o.matches() && o.group(1).equals(relation.group(1)) && onOneLine(o.group(2), relation.group(2))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean onOneLine(String a, String b) {
        return lineage(a).contains(b) || lineage(b).contains(a);
    }

    private void own(String subject, String predicate) {
        owned.computeIfAbsent(subject, k -> new HashSet<>()).add(predicate);
    }
}
