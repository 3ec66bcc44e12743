package dev.aft.reference.curriculum;

import dev.aft.knowledge.Document;
import dev.aft.knowledge.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Builds the episodes of one world for one stage. Sizes are planned with per-piece token counts (documents
 * counted once each), kept a few tokens under the stage's sequence length; the encoder drops the rare episode
 * that still does not fit.
 */
final class EpisodeBuilder {

    /** Room left for the BOS token and for tokenization at the seams between pieces. */
    static final int MARGIN = 12;
    private static final int ATTEMPTS = 8;
    /** Tokens of a document's markers in a global prompt ({@code <document id="d-0001">} ... {@code </document>}). */
    private static final int MARKER_TOKENS = 14;

    private final CurriculumWorld world;
    private final Stage stage;
    private final Random random;
    private final ToIntFunction<String> counter;
    private final Map<String, Integer> documentTokens = new HashMap<>();
    private final Map<ProbeKind, List<Probe>> probesByKind = new EnumMap<>(ProbeKind.class);
    private final int instructionTokens;

    EpisodeBuilder(CurriculumWorld world, Stage stage, Random random, ToIntFunction<String> counter) {
        this.world = world;
        this.stage = stage;
        this.random = random;
        this.counter = counter;
        for (Probe probe : world.probes()) {
            if (world.probeWeights().containsKey(probe.kind())) {
                probesByKind.computeIfAbsent(probe.kind(), k -> new ArrayList<>()).add(probe);
            }
        }
        this.instructionTokens = counter.applyAsInt(PromptFormats.INSTRUCTION) + 2;
    }

    /** Documents of the world in random order, separated by blank lines, as many as fit one sequence. */
    Optional<Episode> documents() {
        int budget = stage.sequenceTokens() - MARGIN;
        List<String> texts = new ArrayList<>();
        int used = 0;
        for (Document document : shuffled(world.documents())) {
            int tokens = tokens(document) + 2;
            if (used + tokens > budget) {
                if (texts.isEmpty()) {
                    continue;
                }
                break;
            }
            texts.add(document.text().strip());
            used += tokens;
        }
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Episode(EpisodeKind.DOCUMENTS, world.family(), world.seed(), "",
                String.join("\n\n", texts)));
    }

    /**
     * eval-service's in-context format with statements that follow from the shown documents, one per line:
     * each statement's documents are shown, the rest of the context is other documents of the world, and the
     * order is shuffled so the relevant document sits anywhere.
     */
    Optional<Episode> inContext() {
        if (probesByKind.isEmpty()) {
            return Optional.empty();
        }
        int budget = stage.sequenceTokens() - MARGIN - instructionTokens;
        int wantedProbes = between(stage.minProbes(), stage.maxProbes());
        Set<Document> shown = new LinkedHashSet<>();
        List<Probe> asked = new ArrayList<>();
        int used = 0;
        for (int attempt = 0; attempt < wantedProbes * ATTEMPTS && asked.size() < wantedProbes; attempt++) {
            Probe probe = drawProbe();
            if (asked.contains(probe)) {
                continue;
            }
            Set<Document> needed = new LinkedHashSet<>();
            for (String factId : probe.factIds()) {
                if (shown.stream().noneMatch(d -> d.factIds().contains(factId))
                        && needed.stream().noneMatch(d -> d.factIds().contains(factId))) {
                    List<Document> stating = world.documentsStating(factId);
                    needed.add(stating.get(random.nextInt(stating.size())));
                }
            }
            int cost = counter.applyAsInt(probe.statement()) + 1;
            for (Document document : needed) {
                cost += tokens(document) + 1;
            }
            if (shown.size() + needed.size() > stage.maxDocuments() || used + cost > budget) {
                continue;
            }
            shown.addAll(needed);
            asked.add(probe);
            used += cost;
        }
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        fill(shown, used, budget, Set.of(), 1);
        List<Document> context = shuffled(shown);
        List<String> statements = asked.stream().map(Probe::statement).toList();
        return Optional.of(new Episode(EpisodeKind.IN_CONTEXT, world.family(), world.seed(),
                PromptFormats.inContext(context), String.join("\n", statements)));
    }

    /** augment-service's local prompt for one fact-bearing sentence; the answer: its restatements. */
    Optional<Episode> local() {
        for (int attempt = 0; attempt < ATTEMPTS && !world.documents().isEmpty(); attempt++) {
            Document document = world.documents().get(random.nextInt(world.documents().size()));
            List<String> sentences = SentenceSplitter.sentences(document.text());
            String sentence = sentences.get(random.nextInt(sentences.size()));
            List<String> lines = world.restatements(sentence);
            if (!lines.isEmpty()) {
                return Optional.of(new Episode(EpisodeKind.LOCAL_AUGMENTATION, world.family(), world.seed(),
                        PromptFormats.local(sentence), answer(lines)));
            }
        }
        return Optional.empty();
    }

    /**
     * augment-service's global prompt: a focus document, context documents (those that let its facts combine
     * first), and the answer: the inferences that follow.
     */
    Optional<Episode> global() {
        if (world.documents().isEmpty() || probesByKind.isEmpty()) {
            return Optional.empty();
        }
        Document focus = world.documents().get(random.nextInt(world.documents().size()));
        int skeleton = counter.applyAsInt(PromptFormats.global(List.of(), focus));
        // The answer's size is not known before the context is chosen: keep room for a generous one.
        int budget = stage.sequenceTokens() - MARGIN - skeleton - 120;
        if (budget < 0) {
            return Optional.empty();
        }
        Set<Document> context = new LinkedHashSet<>();
        int used = 0;
        for (String factId : supportingFacts(focus)) {
            List<Document> stating = world.documentsStating(factId);
            Document document = stating.get(random.nextInt(stating.size()));
            if (!document.equals(focus) && !context.contains(document)
                    && used + tokens(document) + MARKER_TOKENS <= budget && context.size() < stage.maxDocuments()) {
                context.add(document);
                used += tokens(document) + MARKER_TOKENS;
            }
        }
        fill(context, used, budget, Set.of(focus), MARKER_TOKENS);
        List<Document> ordered = shuffled(context);
        List<String> lines = world.inferences(focus, ordered);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Episode(EpisodeKind.GLOBAL_AUGMENTATION, world.family(), world.seed(),
                PromptFormats.global(ordered, focus), answer(lines)));
    }

    /**
     * Recall pairs sized to the stage, every key looked up once (fewer pairs, when the drawn number does not fit
     * the sequence): half the episode is answer, each answer one copy away.
     */
    Episode recall() {
        return fitting(between(stage.minPairs(), stage.maxPairs()),
                pairs -> RecallEpisodes.episode(random, world.seed(), pairs, pairs));
    }

    /** A word list and its copy, about as long as a recall episode of the stage's pair counts. */
    Episode copy() {
        return fitting(2 * between(stage.minPairs(), stage.maxPairs()),
                words -> RecallEpisodes.copy(random, world.seed(), words));
    }

    /** {@code make(size)}, with the size cut by a fifth (down to 2) until the episode fits the stage's sequences. */
    private Episode fitting(int size, IntFunction<Episode> make) {
        while (true) {
            Episode episode = make.apply(size);
            if (size <= 2 || counter.applyAsInt(episode.text()) <= stage.sequenceTokens() - MARGIN) {
                return episode;
            }
            size = Math.max(2, size * 4 / 5);
        }
    }

    /** Facts of other documents whose conclusions with the focus document the global answer can state. */
    private List<String> supportingFacts(Document focus) {
        Set<String> supporting = new LinkedHashSet<>();
        for (Probe probe : probesByKind.getOrDefault(ProbeKind.INHERITANCE, List.of())) {
            if (probe.factIds().stream().anyMatch(focus.factIds()::contains)) {
                probe.factIds().stream().filter(id -> !focus.factIds().contains(id)).forEach(supporting::add);
            }
        }
        List<String> facts = new ArrayList<>(supporting);
        Collections.shuffle(facts, random);
        return facts;
    }

    /**
     * Adds other documents: a drawn count within the stage's range, or more while the context is below the
     * stage's fill share; never past the budget. {@code overhead}: tokens each document adds besides its text.
     */
    private void fill(Set<Document> shown, int used, int budget, Set<Document> excluded, int overhead) {
        int wanted = between(stage.minDocuments(), stage.maxDocuments());
        double fillTarget = stage.contextFill() <= 0 ? 0
                : stage.sequenceTokens() * (stage.contextFill() + random.nextDouble() * (0.95 - stage.contextFill()));
        int added = 0;
        for (Document document : shuffled(world.documents())) {
            boolean wantMore = shown.size() < wanted || used + added < fillTarget;
            if (!wantMore || shown.size() >= stage.maxDocuments()) {
                break;
            }
            if (shown.contains(document) || excluded.contains(document)) {
                continue;
            }
            int cost = tokens(document) + overhead;
            if (used + added + cost <= budget) {
                shown.add(document);
                added += cost;
            }
        }
    }

    private Probe drawProbe() {
        double total = 0;
        for (ProbeKind kind : probesByKind.keySet()) {
            total += world.probeWeights().get(kind);
        }
        double x = random.nextDouble() * total;
        ProbeKind chosen = null;
        for (ProbeKind kind : probesByKind.keySet()) {
            chosen = kind;
            x -= world.probeWeights().get(kind);
            if (x < 0) {
                break;
            }
        }
        List<Probe> probes = probesByKind.get(chosen);
        return probes.get(random.nextInt(probes.size()));
    }

    private int tokens(Document document) {
        return documentTokens.computeIfAbsent(document.id(), id -> counter.applyAsInt(document.text().strip()));
    }

    private static String answer(List<String> lines) {
        return String.join("\n", lines) + PromptFormats.ANSWER_END;
    }

    private <T> List<T> shuffled(java.util.Collection<T> items) {
        List<T> list = new ArrayList<>(items);
        Collections.shuffle(list, random);
        return list;
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
