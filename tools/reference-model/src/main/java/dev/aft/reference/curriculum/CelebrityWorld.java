package dev.aft.reference.curriculum;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A celebrities world (the reversal curse): "Sool Simp was the first explorer to cross the Twoom Desert". In
 * context it is asked for the description after the name (forward) and the name after the description
 * (reversal) in equal measure, for every celebrity; augmentation answers with both orders.
 */
final class CelebrityWorld extends CurriculumWorld {

    CelebrityWorld(Dataset dataset) {
        super(dataset);
    }

    @Override
    public Map<ProbeKind, Double> probeWeights() {
        return Map.of(ProbeKind.FORWARD, 0.5, ProbeKind.REVERSAL, 0.5);
    }

    @Override
    protected List<Probe> buildProbes() {
        List<Probe> probes = new ArrayList<>();
        for (Fact fact : facts()) {
            probes.add(new Probe(ProbeKind.FORWARD, fact.subject() + " was", fact.object(), List.of(fact.id())));
            probes.add(new Probe(ProbeKind.REVERSAL, capitalized(fact.object()) + " was", fact.subject(),
                    List.of(fact.id())));
        }
        return probes;
    }

    @Override
    public List<String> restatements(String sentence) {
        List<String> lines = new ArrayList<>();
        for (Fact fact : facts()) {
            if (sentence.contains(fact.subject()) && sentence.toLowerCase().contains(fact.object().toLowerCase())) {
                lines.add(fact.subject() + " was " + fact.object() + ".");
                lines.add(capitalized(fact.object()) + " was " + fact.subject() + ".");
            }
        }
        return lines;
    }

    @Override
    public List<String> inferences(Document focus, List<Document> context) {
        return restatements(focus.text());
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
