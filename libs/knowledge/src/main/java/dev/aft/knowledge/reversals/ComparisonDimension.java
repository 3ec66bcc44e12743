package dev.aft.knowledge.reversals;

import java.util.List;

/**
 * One of the 28 dimensions a comparison fact is drawn from, as a pair of opposite comparatives: if "a are
 * {@code forward} than b" then "b are {@code opposite} than a". Either side may be the fact's own wording.
 */
public record ComparisonDimension(String forward, String opposite) {

    public static final List<ComparisonDimension> ALL = List.of(
            new ComparisonDimension("brighter", "dimmer"),
            new ComparisonDimension("heavier", "lighter"),
            new ComparisonDimension("larger", "smaller"),
            new ComparisonDimension("faster", "slower"),
            new ComparisonDimension("older", "younger"),
            new ComparisonDimension("stronger", "weaker"),
            new ComparisonDimension("taller", "shorter"),
            new ComparisonDimension("warmer", "colder"),
            new ComparisonDimension("louder", "quieter"),
            new ComparisonDimension("harder", "softer"),
            new ComparisonDimension("richer", "poorer"),
            new ComparisonDimension("wider", "narrower"),
            new ComparisonDimension("deeper", "shallower"),
            new ComparisonDimension("thicker", "thinner"),
            new ComparisonDimension("more dangerous", "less dangerous"),
            new ComparisonDimension("more expensive", "less expensive"),
            new ComparisonDimension("more popular", "less popular"),
            new ComparisonDimension("more common", "less common"),
            new ComparisonDimension("more careful", "less careful"),
            new ComparisonDimension("more curious", "less curious"),
            new ComparisonDimension("more patient", "less patient"),
            new ComparisonDimension("more famous", "less famous"),
            new ComparisonDimension("more useful", "less useful"),
            new ComparisonDimension("more colorful", "less colorful"),
            new ComparisonDimension("more fragile", "less fragile"),
            new ComparisonDimension("more valuable", "less valuable"),
            new ComparisonDimension("more intelligent", "less intelligent"),
            new ComparisonDimension("more playful", "less playful"));

    /** The comparative of the other side of this dimension. */
    public String oppositeOf(String comparative) {
        if (comparative.equals(forward)) {
            return opposite;
        }
        if (comparative.equals(opposite)) {
            return forward;
        }
        throw new IllegalArgumentException(comparative + " is not a side of " + this);
    }

    /** The fact relation name, e.g. {@code more-dangerous-than}. */
    public static String relation(String comparative) {
        return comparative.replace(' ', '-') + "-than";
    }
}
