package dev.aft.knowledge.semantic;

import dev.aft.knowledge.DatasetBuilder;
import dev.aft.knowledge.Draws;
import dev.aft.knowledge.lexicon.Lexicon;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One generated semantic world: the taxonomy's categories under nonsense words, properties inherited down
 * the tree, relations inherited by the subject's descendants (never widened or narrowed on the object side),
 * and a few held-out leaf categories that keep only their parent.
 */
public final class SemanticWorld {

    private final List<Category> categories = new ArrayList<>();
    private final Map<String, Category> byWord = new LinkedHashMap<>();
    private final Set<Property> properties = new LinkedHashSet<>();
    private final List<String> verbs = new ArrayList<>();
    private int[][] distances;

    private SemanticWorld() {
    }

    /**
     * Builds a world of the first {@code categoryCount} taxonomy categories (breadth first) with
     * {@code holdouts} held-out leaves, recording every fact with {@code builder}.
     */
    static SemanticWorld build(int categoryCount, int holdouts, Lexicon.Session words, Random random,
            DatasetBuilder builder) {
        List<Taxonomy.Entry> entries = Taxonomy.standard().firstBreadthFirst(categoryCount);
        List<String> eligible = holdoutCandidates(entries);
        if (eligible.size() < holdouts) {
            throw new IllegalArgumentException("holdoutCategories must be between 0 and " + eligible.size()
                    + " for " + categoryCount + " categories, was " + holdouts);
        }
        Set<String> heldOut = new HashSet<>(Draws.sample(eligible, holdouts, random));

        SemanticWorld world = new SemanticWorld();
        Map<String, Category> byName = new LinkedHashMap<>();
        for (Taxonomy.Entry entry : entries) {
            Category category = new Category(world.categories.size(), words.next(), byName.get(entry.parent()),
                    heldOut.contains(entry.name()));
            byName.put(entry.name(), category);
            world.categories.add(category);
            world.byWord.put(category.word(), category);
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        Map<String, String> verbWords = new LinkedHashMap<>();
        Taxonomy.RELATION_VERBS.forEach(verb -> verbWords.put(verb, words.next()));
        for (Taxonomy.Entry entry : entries) {
            Category category = byName.get(entry.name());
            if (category.parent() != null) {
                category.setIsA(builder.fact(category.word(), "is-a", category.parent().word(),
                        Sentences.canonicalIsA(category)));
            }
            if (category.heldOut()) {
                continue;
            }
            for (String key : entry.properties()) {
                String[] kindAndWord = key.split(" ", 2);
                PropertyKind kind = PropertyKind.ofKeyword(kindAndWord[0]);
                if (kind == null) {
                    throw new IllegalStateException("taxonomy: bad property \"" + key + "\" of " + entry.name());
                }
                Property property = new Property(kind, renamed.computeIfAbsent(key, k -> words.next()));
                world.properties.add(property);
                category.addProperty(property, builder.fact(category.word(), kind.relation(), property.word(),
                        Sentences.canonical(category, property)));
            }
            for (Taxonomy.Link link : entry.relations()) {
                Category object = byName.get(link.object());
                if (object == null) {
                    continue;
                }
                Relation relation = new Relation(verbWords.get(link.verb()), object);
                category.addRelation(relation, builder.fact(category.word(), relation.factRelation(),
                        object.word(), Sentences.canonical(category, relation)));
            }
        }
        world.verbs.addAll(verbWords.values());
        world.checkNoPropertyIsOwnedTwiceAlongALineage();
        world.distances = new int[world.categories.size()][world.categories.size()];
        for (Category a : world.categories) {
            for (Category b : world.categories) {
                world.distances[a.index()][b.index()] = pathLength(a, b);
            }
        }
        return world;
    }

    /** Leaves that are not the object of any relation, so that nothing but their parent mentions them. */
    private static List<String> holdoutCandidates(List<Taxonomy.Entry> entries) {
        Set<String> parents = new HashSet<>();
        Set<String> objects = new HashSet<>();
        for (Taxonomy.Entry entry : entries) {
            if (entry.parent() != null) {
                parents.add(entry.parent());
            }
            entry.relations().forEach(link -> objects.add(link.object()));
        }
        return entries.stream()
                .filter(e -> e.parent() != null && !parents.contains(e.name()) && !objects.contains(e.name()))
                .map(Taxonomy.Entry::name)
                .toList();
    }

    private void checkNoPropertyIsOwnedTwiceAlongALineage() {
        for (Category category : categories) {
            for (Category ancestor : category.ancestors()) {
                for (Property property : category.properties().keySet()) {
                    if (ancestor.properties().containsKey(property)) {
                        throw new IllegalStateException("taxonomy: " + property + " owned by " + category
                                + " and its ancestor " + ancestor);
                    }
                }
            }
        }
    }

    /** All categories, depth first (parents before children). */
    public List<Category> categories() {
        return List.copyOf(categories);
    }

    public List<Category> trainedCategories() {
        return categories.stream().filter(c -> !c.heldOut()).toList();
    }

    public List<Category> heldOutCategories() {
        return categories.stream().filter(Category::heldOut).toList();
    }

    public Category category(String word) {
        return byWord.get(word);
    }

    /** Every property some category owns, in first-use order. */
    public List<Property> properties() {
        return List.copyOf(properties);
    }

    /** The relation verbs, in taxonomy order. */
    public List<String> verbs() {
        return List.copyOf(verbs);
    }

    /** The category on {@code subject}'s lineage (itself or an ancestor) that owns {@code property}, or null. */
    public Category owner(Category subject, Property property) {
        for (Category c = subject; c != null; c = c.parent()) {
            if (c.properties().containsKey(property)) {
                return c;
            }
        }
        return null;
    }

    public boolean holds(Category subject, Property property) {
        return owner(subject, property) != null;
    }

    /** The category on {@code subject}'s lineage that owns {@code relation}, or null. */
    public Category owner(Category subject, Relation relation) {
        for (Category c = subject; c != null; c = c.parent()) {
            if (c.relations().containsKey(relation)) {
                return c;
            }
        }
        return null;
    }

    /** The objects {@code subject} relates to through {@code verb}, own and inherited. */
    public List<Category> objects(Category subject, String verb) {
        List<Category> objects = new ArrayList<>();
        for (Category c = subject; c != null; c = c.parent()) {
            c.relations().keySet().stream().filter(r -> r.verb().equals(verb)).forEach(r -> objects.add(r.object()));
        }
        return objects;
    }

    /** Tree distance: edges on the path between two categories (larger than any path across roots). */
    public int distance(Category a, Category b) {
        return distances[a.index()][b.index()];
    }

    private static int pathLength(Category a, Category b) {
        List<Category> lineageA = new ArrayList<>();
        lineageA.add(a);
        lineageA.addAll(a.ancestors());
        int up = 0;
        for (Category c = b; c != null; c = c.parent(), up++) {
            int index = lineageA.indexOf(c);
            if (index >= 0) {
                return index + up;
            }
        }
        return a.depth() + b.depth() + 2;
    }
}
