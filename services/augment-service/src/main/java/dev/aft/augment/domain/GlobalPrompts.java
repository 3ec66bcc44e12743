package dev.aft.augment.domain;

import dev.aft.knowledge.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Global augmentation's prompts: for each focus document, the other training documents as context, then the
 * focus document. Placeholders: {@code {{documents}}} (the context documents, each between
 * {@code <document>} markers, required), {@code {{focus}}} (the focus document between markers, required),
 * {@code {{focusId}}}, {@code {{documentCount}}} (how many context documents).
 *
 * <p>When the whole corpus does not fit {@code budget} estimated tokens, the context is chosen by
 * {@link ContextSelector} and the prompt records it ({@link ContextSelection#limited()}); a focus document that
 * does not fit even alone gives a prompt with no text. Nothing is ever cut short silently.
 */
public final class GlobalPrompts {

    public static final Set<String> PLACEHOLDERS = Set.of("documents", "focus", "focusId", "documentCount");
    public static final Set<String> REQUIRED = Set.of("documents", "focus");
    private static final String SEPARATOR = "\n";

    private GlobalPrompts() {
    }

    public static List<PromptSpec> build(List<Document> documents, PromptTemplate template, TokenEstimate estimate,
            int budget) {
        Corpus corpus = new Corpus(documents, estimate);
        List<PromptSpec> prompts = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            prompts.add(build(corpus, i, template, budget));
        }
        return prompts;
    }

    /** The prompt of focus document {@code index} within {@code budget} estimated tokens. */
    public static PromptSpec build(List<Document> documents, int index, PromptTemplate template,
            TokenEstimate estimate, int budget) {
        return build(new Corpus(documents, estimate), index, template, budget);
    }

    private static PromptSpec build(Corpus corpus, int index, PromptTemplate template, int budget) {
        Document focus = corpus.documents.get(index);
        List<Document> others = new ArrayList<>(corpus.documents);
        others.remove(index);
        String id = "global:" + focus.id();

        // Estimated piece by piece (skeleton + each document): never less than the estimate of the whole text.
        int skeleton = corpus.estimate.tokens(render(template, focus, List.of()));
        long everything = skeleton + others.stream().mapToLong(corpus::cost).sum();
        if (everything <= budget) {
            return new PromptSpec(id, render(template, focus, others), List.of(focus.id()), null,
                    new ContextSelection(others.size(), ids(others), false, (int) everything, budget));
        }
        if (skeleton > budget) {
            return new PromptSpec(id, null, List.of(focus.id()), null,
                    new ContextSelection(others.size(), List.of(), true, skeleton, budget));
        }
        List<Document> selected = ContextSelector.select(focus, others, corpus::cost, corpus::words,
                budget - skeleton);
        int estimated = skeleton + selected.stream().mapToInt(corpus::cost).sum();
        return new PromptSpec(id, render(template, focus, selected), List.of(focus.id()), null,
                new ContextSelection(others.size(), ids(selected), true, estimated, budget));
    }

    /** Per-document token costs and word sets, computed once per run. */
    private static final class Corpus {
        final List<Document> documents;
        final TokenEstimate estimate;
        final Map<String, Integer> costs = new HashMap<>();
        final Map<String, Set<String>> words = new HashMap<>();

        Corpus(List<Document> documents, TokenEstimate estimate) {
            this.documents = documents;
            this.estimate = estimate;
        }

        int cost(Document document) {
            return costs.computeIfAbsent(document.id(),
                    id -> estimate.tokens(PromptMarkers.document(document.id(), document.text()) + SEPARATOR));
        }

        Set<String> words(Document document) {
            return words.computeIfAbsent(document.id(), id -> ContextSelector.words(document.text()));
        }
    }

    private static String render(PromptTemplate template, Document focus, List<Document> context) {
        String documents = context.stream().map(d -> PromptMarkers.document(d.id(), d.text()))
                .collect(Collectors.joining(SEPARATOR));
        return template.render(Map.of(
                "documents", documents,
                "focus", PromptMarkers.document(focus.id(), focus.text()),
                "focusId", PromptMarkers.escape(focus.id()),
                "documentCount", Integer.toString(context.size())));
    }

    private static List<String> ids(List<Document> documents) {
        return documents.stream().map(Document::id).toList();
    }
}
