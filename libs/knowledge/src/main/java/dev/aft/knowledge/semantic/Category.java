package dev.aft.knowledge.semantic;

import dev.aft.knowledge.Fact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category of a semantic world: its nonsense word, its place in the tree, its own properties and relations
 * (inherited ones live on its ancestors) and the facts that state them.
 */
public final class Category {

    private final int index;
    private final String word;
    private final Category parent;
    private final int depth;
    private final boolean heldOut;
    private final List<Category> children = new ArrayList<>();
    private final Map<Property, Fact> properties = new LinkedHashMap<>();
    private final Map<Relation, Fact> relations = new LinkedHashMap<>();
    private Fact isA;

    Category(int index, String word, Category parent, boolean heldOut) {
        this.index = index;
        this.word = word;
        this.parent = parent;
        this.depth = parent == null ? 1 : parent.depth + 1;
        this.heldOut = heldOut;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** Position in the world's depth-first order. */
    int index() {
        return index;
    }

    public String word() {
        return word;
    }

    /** The parent, or null for a root. */
    public Category parent() {
        return parent;
    }

    /** 1 for a root. */
    public int depth() {
        return depth;
    }

    /** Whether this is a category-holdout category: its only trained fact is its parent. */
    public boolean heldOut() {
        return heldOut;
    }

    public List<Category> children() {
        return Collections.unmodifiableList(children);
    }

    /** Own properties (not inherited), each with the fact that states it. */
    public Map<Property, Fact> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Own relations (not inherited), each with the fact that states it. */
    public Map<Relation, Fact> relations() {
        return Collections.unmodifiableMap(relations);
    }

    /** The fact "this is a kind of its parent", or null for a root. */
    public Fact isA() {
        return isA;
    }

    /** This category's own facts: is-a first, then properties, then relations. */
    public List<Fact> ownFacts() {
        List<Fact> facts = new ArrayList<>();
        if (isA != null) {
            facts.add(isA);
        }
        facts.addAll(properties.values());
        facts.addAll(relations.values());
        return facts;
    }

    /** The ancestors, nearest first (not including this one). */
    public List<Category> ancestors() {
        List<Category> ancestors = new ArrayList<>();
        for (Category c = parent; c != null; c = c.parent) {
            ancestors.add(c);
        }
        return ancestors;
    }

    public boolean isAncestorOrSelfOf(Category other) {
        for (Category c = other; c != null; c = c.parent) {
            if (c == this) {
                return true;
            }
        }
        return false;
    }

    void setIsA(Fact fact) {
        this.isA = fact;
    }

    void addProperty(Property property, Fact fact) {
        properties.put(property, fact);
    }

    void addRelation(Relation relation, Fact fact) {
        relations.put(relation, fact);
    }

    @Override
    public String toString() {
        return word;
    }
}
