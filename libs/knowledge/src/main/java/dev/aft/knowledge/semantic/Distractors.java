package dev.aft.knowledge.semantic;

import dev.aft.knowledge.Draws;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Hard wrong answers: words that hold the tested relation to some other entity, nearest in the tree first,
 * and never one that is also true (or true by existential reading: "something that has a trenk is a dax"
 * holds when a kind of dax has a trenk, so ancestors of a holder are never offered).
 */
final class Distractors {

    static final int COUNT = 3;

    private final SemanticWorld world;
    private final Random random;
    private final Map<Property, List<Category>> owners = new LinkedHashMap<>();

    Distractors(SemanticWorld world, Random random) {
        this.world = world;
        this.random = random;
        for (Category c : world.categories()) {
            c.properties().keySet().forEach(p -> owners.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
        }
    }

    /** Other properties of the same kind that {@code subject} does not have, owned near it. */
    List<String> properties(Category subject, Property correct) {
        List<Property> candidates = world.properties().stream()
                .filter(p -> p.kind() == correct.kind() && !p.equals(correct) && !world.holds(subject, p))
                .toList();
        return nearest(candidates, p -> nearestOwner(subject, p)).stream().map(Property::word).toList();
    }

    /**
     * Objects {@code subject} has no {@code verb} relation to (nor to anything above or below them), preferring
     * objects of the same verb for other subjects.
     */
    List<String> objects(Category subject, String verb, Category correct) {
        List<Category> related = world.objects(subject, verb);
        Predicate<Category> excluded = x -> related.stream()
                .anyMatch(y -> x.isAncestorOrSelfOf(y) || y.isAncestorOrSelfOf(x));
        List<Category> sameVerbObjects = world.categories().stream()
                .flatMap(c -> c.relations().keySet().stream())
                .filter(r -> r.verb().equals(verb))
                .map(Relation::object)
                .distinct()
                .toList();
        return nearest(candidates(excluded), x -> (sameVerbObjects.contains(x) ? 0 : 100)
                + world.distance(x, correct)).stream().map(Category::word).toList();
    }

    /** Categories {@code subject} is not a kind of, preferring ones that other categories are kinds of. */
    List<String> notAncestors(Category subject, Category correct) {
        Predicate<Category> excluded = x -> x.isAncestorOrSelfOf(subject) || subject.isAncestorOrSelfOf(x);
        return nearest(candidates(excluded), x -> (x.children().isEmpty() ? 100 : 0)
                + world.distance(x, correct)).stream().map(Category::word).toList();
    }

    /** Categories that are not kinds of {@code parent} but are kinds of something else, near {@code correct}. */
    List<String> notDescendants(Category parent, Category correct) {
        Predicate<Category> excluded = x -> parent.isAncestorOrSelfOf(x) || x.isAncestorOrSelfOf(parent);
        return nearest(candidates(excluded), x -> (x.parent() == null ? 100 : 0) + world.distance(x, correct))
                .stream().map(Category::word).toList();
    }

    /** Categories that do not hold {@code holds} and are not above one that does. */
    List<String> nonHolders(Predicate<Category> holds, Category correct) {
        List<Category> holders = world.categories().stream().filter(holds).toList();
        Predicate<Category> excluded = x -> holders.stream().anyMatch(x::isAncestorOrSelfOf);
        return nearest(candidates(excluded), x -> world.distance(x, correct))
                .stream().map(Category::word).toList();
    }

    /**
     * Categories that do not {@code verb} anything on {@code object}'s line (the object, its ancestors or its
     * kinds), are not above one that does, and are not on that line themselves.
     */
    List<String> nonSubjects(String verb, Category object, Category correct) {
        Predicate<Category> onLine = y -> y.isAncestorOrSelfOf(object) || object.isAncestorOrSelfOf(y);
        List<Category> subjects = world.categories().stream()
                .filter(x -> world.objects(x, verb).stream().anyMatch(onLine))
                .toList();
        Predicate<Category> excluded = x -> onLine.test(x) || subjects.stream().anyMatch(x::isAncestorOrSelfOf);
        return nearest(candidates(excluded), x -> world.distance(x, correct))
                .stream().map(Category::word).toList();
    }

    private int nearestOwner(Category subject, Property property) {
        int nearest = Integer.MAX_VALUE;
        for (Category owner : owners.get(property)) {
            nearest = Math.min(nearest, world.distance(subject, owner));
        }
        return nearest;
    }

    private List<Category> candidates(Predicate<Category> excluded) {
        return world.categories().stream().filter(excluded.negate()).toList();
    }

    /** The {@link #COUNT} candidates of smallest distance; ties broken at random. */
    private <T> List<T> nearest(List<T> candidates, ToIntFunction<T> distance) {
        if (candidates.size() < COUNT) {
            throw new IllegalStateException("only " + candidates.size() + " distractor candidates");
        }
        List<Ranked<T>> ranked = new ArrayList<>();
        for (T candidate : Draws.shuffled(candidates, random)) {
            ranked.add(new Ranked<>(candidate, distance.applyAsInt(candidate)));
        }
        ranked.sort(Comparator.comparingInt(Ranked::distance));
        return ranked.subList(0, COUNT).stream().map(Ranked::item).toList();
    }

    private record Ranked<T>(T item, int distance) {
    }
}
