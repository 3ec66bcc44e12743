package dev.aft.reference.curriculum;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated world as the curriculum uses it: its documents (minus held-out wordings), the statements it
 * makes true for in-context episodes, and the true restatements and inferences augmentation episodes answer
 * with. One subclass per dataset family.
 */
public abstract class CurriculumWorld {

    private final Dataset dataset;
    private final List<Document> documents;
    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final Map<String, List<Document>> documentsByFact = new LinkedHashMap<>();
    private List<Probe> probes;

    protected CurriculumWorld(Dataset dataset) {
        this.dataset = dataset;
        this.documents = dataset.documents().stream().filter(HeldOutTemplates::inCurriculum).toList();
        dataset.facts().forEach(f -> facts.put(f.id(), f));
        for (Document document : documents) {
            for (String factId : document.factIds()) {
                documentsByFact.computeIfAbsent(factId, id -> new ArrayList<>()).add(document);
            }
        }
    }

    public Dataset dataset() {
        return dataset;
    }

    public String family() {
        return dataset.family();
    }

    public long seed() {
        return dataset.seed();
    }

    /** The documents the curriculum may show (held-out wordings removed). */
    public List<Document> documents() {
        return documents;
    }

    public Fact fact(String id) {
        return facts.get(id);
    }

    public Collection<Fact> facts() {
        return facts.values();
    }

    /** Curriculum documents stating a fact (possibly none, when only held-out wordings state it). */
    public List<Document> documentsStating(String factId) {
        return documentsByFact.getOrDefault(factId, List.of());
    }

    /** Statements for in-context episodes whose facts all appear in some curriculum document. */
    public final List<Probe> probes() {
        if (probes == null) {
            probes = buildProbes().stream()
                    .filter(p -> p.factIds().stream().allMatch(id -> !documentsStating(id).isEmpty()))
                    .filter(p -> !HeldOutTemplates.usesHeldOutWording(p.statement()))
                    .toList();
        }
        return probes;
    }

    /** How often each kind of probe is asked; kinds absent from the map are never asked. */
    public abstract Map<ProbeKind, Double> probeWeights();

    protected abstract List<Probe> buildProbes();

    /**
     * True statements that restate one sentence and read it in the other direction, one per list entry, each a
     * complete sentence ending with a period; empty when the sentence states no fact.
     */
    public abstract List<String> restatements(String sentence);

    /**
     * True statements a global augmentation of {@code focus} should write with {@code context} in view: the
     * focus document's facts read in the other direction and conclusions that combine them with facts the
     * documents state.
     */
    public abstract List<String> inferences(Document focus, List<Document> context);

    /** Whether the world has statements to ask about (false: documents only). */
    public boolean hasEpisodes() {
        return !probeWeights().isEmpty();
    }

    /** Facts stated by a set of documents. */
    protected static Set<String> factIds(Collection<Document> documents) {
        Set<String> ids = new LinkedHashSet<>();
        documents.forEach(d -> ids.addAll(d.factIds()));
        return ids;
    }
}
