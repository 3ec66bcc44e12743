package dev.aft.knowledge.semantic;

import dev.aft.knowledge.DatasetBuilder;
import dev.aft.knowledge.Draws;
import dev.aft.knowledge.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training documents of a semantic world. First one entry per trained category with all of its own facts and
 * the parent facts of its held-out children (so every fact appears at least once), then documents of random
 * styles about random categories. Held-out categories appear only in statements of their parent; no document
 * states an inherited fact about a category.
 */
final class SemanticDocuments {

    private static final List<DocumentStyle> STYLES = List.of(DocumentStyle.values());

    private final SemanticWorld world;
    private final Random random;
    private final DatasetBuilder builder;

    SemanticDocuments(SemanticWorld world, Random random, DatasetBuilder builder) {
        this.world = world;
        this.random = random;
        this.builder = builder;
    }

    /** The number of documents needed to state every fact once. */
    static int coverageCount(SemanticWorld world) {
        return world.trainedCategories().size();
    }

    void write(int count) {
        List<Category> trained = world.trainedCategories();
        for (Category c : Draws.shuffled(trained, random)) {
            List<Statement> wanted = Statement.of(c);
            c.children().stream().filter(Category::heldOut).forEach(h -> wanted.add(Statement.isA(h)));
            DocumentStyle style = random.nextBoolean() ? DocumentStyle.ENCYCLOPEDIA : DocumentStyle.LIST;
            List<Statement> statements = style.fill(wanted, surroundings(c), random);
            if (statements.size() < wanted.size()) {
                throw new IllegalStateException("the entry for " + c + " does not fit in one document");
            }
            add(style.render(c, statements, random));
        }
        while (builder.documentCount() < count) {
            Category focus = Draws.pick(trained, random);
            DocumentStyle style = Draws.pick(STYLES, random);
            add(document(style, focus));
        }
    }

    private DocumentStyle.Draft document(DocumentStyle style, Category focus) {
        return switch (style) {
            case ENCYCLOPEDIA, LIST -> style.render(focus, style.fill(Statement.of(focus), surroundings(focus), random),
                    random);
            case QUESTIONS -> {
                List<Statement> own = Draws.shuffled(Statement.of(focus), random);
                List<Statement> some = own.subList(0, 1 + random.nextInt(own.size()));
                yield style.render(focus, style.fill(some, surroundings(focus), random), random);
            }
            case FIELD_GUIDE -> fieldGuide(focus.children().isEmpty() && focus.parent() != null
                    ? focus.parent() : focus);
            case COMPARISON -> comparison(focus);
        };
    }

    /** A group and its kinds: each kind's parent fact and one or two of its own facts. */
    private DocumentStyle.Draft fieldGuide(Category group) {
        List<Statement> wanted = new ArrayList<>();
        for (Category child : Draws.shuffled(group.children(), random)) {
            wanted.add(Statement.isA(child));
            List<Statement> own = Statement.of(child);
            own.remove(Statement.isA(child));
            wanted.addAll(Draws.shuffled(own, random).subList(0, Math.min(own.size(), 1 + random.nextInt(2))));
        }
        return DocumentStyle.FIELD_GUIDE.render(group,
                DocumentStyle.FIELD_GUIDE.fill(wanted, Statement.of(group), random), random);
    }

    /** Two trained siblings side by side, their facts alternating. */
    private DocumentStyle.Draft comparison(Category focus) {
        List<Category> siblings = focus.parent() == null ? List.of()
                : focus.parent().children().stream().filter(s -> s != focus && !s.heldOut()).toList();
        if (siblings.isEmpty()) {
            return DocumentStyle.ENCYCLOPEDIA.render(focus,
                    DocumentStyle.ENCYCLOPEDIA.fill(Statement.of(focus), surroundings(focus), random), random);
        }
        Category other = Draws.pick(siblings, random);
        List<Statement> first = Statement.of(focus);
        List<Statement> second = Statement.of(other);
        List<Statement> wanted = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < first.size()) {
                wanted.add(first.get(i));
            }
            if (i < second.size()) {
                wanted.add(second.get(i));
            }
        }
        return DocumentStyle.COMPARISON.render(focus,
                DocumentStyle.COMPARISON.fill(wanted, Statement.of(focus.parent()), random), random);
    }

    /** Facts near {@code c} that pad a short document: its parent's, and the parent facts of its kin. */
    private static List<Statement> surroundings(Category c) {
        List<Statement> extra = new ArrayList<>();
        if (c.parent() != null) {
            extra.addAll(Statement.of(c.parent()));
            c.parent().children().stream().filter(s -> s != c).forEach(s -> extra.add(Statement.isA(s)));
        }
        c.children().forEach(child -> extra.add(Statement.isA(child)));
        return extra;
    }

    private void add(DocumentStyle.Draft draft) {
        builder.document(draft.text(), draft.statements().stream().map(Statement::fact).map(Fact::id).toList());
    }
}
