package dev.aft.knowledge.reversals;

import dev.aft.knowledge.Fact;
import dev.aft.knowledge.truth.Claims;
import dev.aft.knowledge.truth.GroundTruth;
import dev.aft.knowledge.truth.Inference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ground truth of a simple-reversals world. Claims are read in the family's form "A are C than B" with C one
 * of the 56 comparatives; "A are C than B" holds when a fact says so or when a fact says "B are C' than A" with
 * C' the opposite of C (the reversal). Each fact has exactly one valid reversal. There are no two-step
 * conclusions: every entity occurs in one fact only.
 */
public final class ReversalsGroundTruth implements GroundTruth {

    private static final Pattern CLAIM = Pattern.compile(
            "\\b([a-z]+) are ((?:more|less) [a-z]+|[a-z]+) than ([a-z]+)\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, ComparisonDimension> DIMENSIONS = new HashMap<>();

    static {
        for (ComparisonDimension dimension : ComparisonDimension.ALL) {
            DIMENSIONS.put(dimension.forward(), dimension);
            DIMENSIONS.put(dimension.opposite(), dimension);
        }
    }

    /** "subject|comparative|object" of every statement that holds, to the inference it states (or null). */
    private final Map<String, String> holding = new HashMap<>();
    private final List<Inference> reversals = new ArrayList<>();

    public ReversalsGroundTruth(List<Fact> facts) {
        for (Fact fact : facts) {
            String comparative = comparative(fact.relation());
            ComparisonDimension dimension = DIMENSIONS.get(comparative);
            if (dimension == null) {
                throw new IllegalArgumentException("fact " + fact.id() + " has no comparison relation: " + fact.relation());
            }
            String opposite = dimension.oppositeOf(comparative);
            Inference reversal = new Inference("reversal:" + fact.id(), Inference.Kind.REVERSAL,
                    fact.object() + " are " + opposite + " than " + fact.subject() + ".", List.of(fact.id()));
            reversals.add(reversal);
            holding.putIfAbsent(key(fact.subject(), comparative, fact.object()), null);
            holding.put(key(fact.object(), opposite, fact.subject()), reversal.id());
        }
    }

    @Override
    public String family() {
        return SimpleReversalsGenerator.FAMILY;
    }

    @Override
    public boolean isTrue(String sentence) {
        if (Claims.hasUnreadableNegation(sentence)) {
            return false;
        }
        List<String> claims = claims(sentence);
        return !claims.isEmpty() && claims.stream().allMatch(holding::containsKey);
    }

    @Override
    public List<Inference> inferences(Inference.Kind kind) {
        return kind == Inference.Kind.REVERSAL ? List.copyOf(reversals) : List.of();
    }

    @Override
    public Set<String> inferencesStated(String sentence) {
        Set<String> stated = new LinkedHashSet<>();
        if (Claims.hasUnreadableNegation(sentence)) {
            return stated;
        }
        for (String claim : claims(sentence)) {
            String inference = holding.get(claim);
            if (inference != null) {
                stated.add(inference);
            }
        }
        return stated;
    }

    /** The claims of a sentence as keys; a comparison with an unknown comparative is no claim. */
    private static List<String> claims(String sentence) {
        List<String> claims = new ArrayList<>();
        Matcher m = CLAIM.matcher(Claims.normalize(sentence));
        while (m.find()) {
            if (DIMENSIONS.containsKey(m.group(2))) {
                claims.add(key(m.group(1), m.group(2), m.group(3)));
            }
        }
        return claims;
    }

    private static String comparative(String relation) {
        return relation.substring(0, relation.length() - "-than".length()).replace('-', ' ');
    }

    private static String key(String subject, String comparative, String object) {
        return subject + "|" + comparative + "|" + object;
    }
}
