package dev.aft.reference.curriculum;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.TestItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple-syllogisms world: examples of three terms and two premises. In context it is asked for a premise
 * (forward), the converse of a "no" or "some" premise (reversal) and the conclusion (syllogism); augmentation
 * answers with the converses and, globally, the conclusion.
 */
final class SyllogismWorld extends CurriculumWorld {

    private static final Pattern STATEMENT = Pattern.compile("\\b(All|Some|No) ([a-z]+) are ([a-z]+)\\b");

    SyllogismWorld(Dataset dataset) {
        super(dataset);
    }

    @Override
    public Map<ProbeKind, Double> probeWeights() {
        return Map.of(ProbeKind.FORWARD, 0.35, ProbeKind.REVERSAL, 0.15, ProbeKind.SYLLOGISM, 0.5);
    }

    @Override
    protected List<Probe> buildProbes() {
        List<Probe> probes = new ArrayList<>();
        for (TestItem item : dataset().tests()) {
            ProbeKind kind = item.split().equals("syllogism") ? ProbeKind.SYLLOGISM : ProbeKind.FORWARD;
            probes.add(new Probe(kind, item.prefix(), item.correctOption(), item.provenance()));
        }
        for (Fact fact : facts()) {
            String quantifier = quantifier(fact);
            if (!quantifier.equals("All")) {
                probes.add(new Probe(ProbeKind.REVERSAL, question(fact.object(), fact.subject()),
                        quantifier + " " + fact.object() + " are " + fact.subject(), List.of(fact.id())));
            }
        }
        return probes;
    }

    @Override
    public List<String> restatements(String sentence) {
        List<String> lines = new ArrayList<>();
        Matcher m = STATEMENT.matcher(sentence);
        while (m.find()) {
            lines.add(m.group(1) + " " + m.group(2) + " are " + m.group(3) + ".");
            lines.add(converse(m.group(1), m.group(2), m.group(3)));
        }
        return lines;
    }

    /**
     * The example's conclusion first (what the valid two-step inference is), then each premise's converse.
     */
    @Override
    public List<String> inferences(Document focus, List<Document> context) {
        Set<String> lines = new LinkedHashSet<>();
        for (TestItem item : dataset().tests()) {
            if (item.split().equals("syllogism") && Set.copyOf(item.provenance()).equals(Set.copyOf(focus.factIds()))) {
                lines.add(item.correctOption() + ".");
            }
        }
        for (String factId : focus.factIds()) {
            Fact fact = fact(factId);
            lines.add(converse(quantifier(fact), fact.subject(), fact.object()));
        }
        return new ArrayList<>(lines);
    }

    /** The converse that holds: "No/Some B are A", or "Some B are A" for "All A are B" (terms are not empty). */
    private static String converse(String quantifier, String subject, String object) {
        return (quantifier.equals("All") ? "Some" : quantifier) + " " + object + " are " + subject + ".";
    }

    private static String quantifier(Fact fact) {
        String word = fact.sentence().substring(0, fact.sentence().indexOf(' '));
        if (!word.equals("All") && !word.equals("Some") && !word.equals("No")) {
            throw new IllegalStateException("Unexpected syllogism premise: " + fact.sentence());
        }
        return word;
    }

    static String question(String first, String second) {
        return "The relationships between " + first + " and " + second + " are:";
    }
}
