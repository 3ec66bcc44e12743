package dev.aft.knowledge.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real-world shape of the semantic world, read from {@code semantic-taxonomy.txt}: categories in
 * depth-first order with their English properties and relations (English only as keys: a world renames
 * every one of them).
 */
final class Taxonomy {

    static final String RESOURCE = "/dev/aft/knowledge/semantic-taxonomy.txt";
    static final List<String> RELATION_VERBS = List.of("eats", "carries", "holds");
    private static final Taxonomy STANDARD = load();

    /** One category as written: {@code properties} as "kind word" keys, {@code relations} as verb and object. */
    record Entry(String name, String parent, List<String> properties, List<Link> relations) {
    }

    record Link(String verb, String object) {
    }

    private final List<Entry> entries;

    private Taxonomy(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static Taxonomy standard() {
        return STANDARD;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The first {@code count} categories in breadth-first order, so that a smaller world is still a tree. */
    List<Entry> firstBreadthFirst(int count) {
        Map<String, List<Entry>> children = new LinkedHashMap<>();
        List<Entry> roots = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.parent() == null) {
                roots.add(entry);
            } else {
                children.computeIfAbsent(entry.parent(), k -> new ArrayList<>()).add(entry);
            }
        }
        Set<String> kept = new HashSet<>();
        Deque<Entry> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty() && kept.size() < count) {
            Entry next = queue.removeFirst();
            kept.add(next.name());
            queue.addAll(children.getOrDefault(next.name(), List.of()));
        }
        return entries.stream().filter(e -> kept.contains(e.name())).toList();
    }

    static Taxonomy parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        List<String> path = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            int depth = indent / 2;
            String[] nameAndRest = line.strip().split(":", 2);
            String name = nameAndRest[0].strip();
            String[] propertiesAndRelations = nameAndRest[1].split(";", 2);
            while (path.size() > depth) {
                path.remove(path.size() - 1);
            }
            if (path.size() != depth) {
                throw new IllegalStateException("taxonomy: " + name + " is indented past its parent");
            }
            String parent = depth == 0 ? null : path.get(depth - 1);
            List<Link> relations = propertiesAndRelations.length > 1
                    ? items(propertiesAndRelations[1]).stream().map(Taxonomy::link).toList()
                    : List.of();
            entries.add(new Entry(name, parent, items(propertiesAndRelations[0]), relations));
            path.add(name);
        }
        return new Taxonomy(entries);
    }

    private static Link link(String item) {
        String[] parts = item.split(" ");
        if (parts.length != 2 || !RELATION_VERBS.contains(parts[0])) {
            throw new IllegalStateException("taxonomy: bad relation \"" + item + "\"");
        }
        return new Link(parts[0], parts[1]);
    }

    private static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static Taxonomy load() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
