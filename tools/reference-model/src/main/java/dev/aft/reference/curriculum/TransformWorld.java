package dev.aft.reference.curriculum;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import java.util.List;
import java.util.Map;

/** A process-knowledge world: its worked examples are shown as plain documents only. */
final class TransformWorld extends CurriculumWorld {

    TransformWorld(Dataset dataset) {
        super(dataset);
    }

    @Override
    public Map<ProbeKind, Double> probeWeights() {
        return Map.of();
    }

    @Override
    protected List<Probe> buildProbes() {
        return List.of();
    }

    @Override
    public List<String> restatements(String sentence) {
        return List.of();
    }

    @Override
    public List<String> inferences(Document focus, List<Document> context) {
        return List.of();
    }
}
