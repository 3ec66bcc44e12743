package dev.aft.reference.curriculum;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import dev.aft.knowledge.reversals.ComparisonDimension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple-reversals world: "femp are more dangerous than glon". In context it is asked for the stated
 * comparison (forward) and its reversal in equal measure; augmentation answers with both.
 */
final class ComparisonWorld extends CurriculumWorld {

    private static final Pattern COMPARISON = Pattern.compile(
            "\\b([a-z]+) are ((?:more|less) [a-z]+|[a-z]+) than ([a-z]+)\\b");
    private static final Map<String, ComparisonDimension> DIMENSIONS = new HashMap<>();

    static {
        for (ComparisonDimension dimension : ComparisonDimension.ALL) {
            DIMENSIONS.put(dimension.forward(), dimension);
            DIMENSIONS.put(dimension.opposite(), dimension);
        }
    }

    ComparisonWorld(Dataset dataset) {
        super(dataset);
    }

    @Override
    public Map<ProbeKind, Double> probeWeights() {
        return Map.of(ProbeKind.FORWARD, 0.5, ProbeKind.REVERSAL, 0.5);
    }

    @Override
    protected List<Probe> buildProbes() {
        List<Probe> probes = new ArrayList<>();
        for (TestItem item : dataset().tests()) {
            ProbeKind kind = item.split().equals("reversal") ? ProbeKind.REVERSAL : ProbeKind.FORWARD;
            probes.add(new Probe(kind, item.prefix(), item.correctOption(), item.provenance()));
        }
        return probes;
    }

    @Override
    public List<String> restatements(String sentence) {
        List<String> lines = new ArrayList<>();
        Matcher m = COMPARISON.matcher(sentence);
        while (m.find()) {
            ComparisonDimension dimension = DIMENSIONS.get(m.group(2));
            if (dimension != null) {
                lines.add(m.group(1) + " are " + m.group(2) + " than " + m.group(3) + ".");
                lines.add(m.group(3) + " are " + dimension.oppositeOf(m.group(2)) + " than " + m.group(1) + ".");
            }
        }
        return lines;
    }

    @Override
    public List<String> inferences(Document focus, List<Document> context) {
        return restatements(focus.text());
    }
}
