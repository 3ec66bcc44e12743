package dev.aft.reference.curriculum;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.TestItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A semantic-structure world: a taxonomy of nonsense categories with properties and relations. In context it
 * is asked for stated facts in their canonical wording (forward) and in another training wording (rephrase),
 * for facts read backwards (reversal) and for what a category inherits (inheritance); never in the held-out
 * rephrase wording "If something is a X, then it". Augmentation answers with canonical restatements,
 * reversals ("Something that can shen is a frorb.", "One kind of dax is a glorp.") and inherited facts.
 *
 * <p>The wordings mirror libs/knowledge's semantic {@code Sentences}; a test checks that every fact-bearing
 * sentence of generated documents is recognized.
 */
final class TaxonomyWorld extends CurriculumWorld {

    static final String IS_A = "is-a";
    /** Training wordings of "X is a kind of Y", the canonical one first. */
    static final List<String> IS_A_WORDINGS = List.of(
            "A %s is a kind of %s.",
            "A %s is a type of %s.",
            "Every %s is a %s.",
            "The %s is one of the kinds of %s.",
            "A %s counts among the kinds of %s.");
    /** Training wordings of "X {predicate}", the canonical one first. */
    static final List<String> PREDICATE_WORDINGS = List.of(
            "A %s %s.",
            "Every %s %s.",
            "The %s %s.",
            "Each and every %s %s.");
    private static final int MAX_INFERENCES = 6;
    private static final int MAX_REVERSALS = 6;

    /** Every training wording of every fact, to the fact. */
    private final Map<String, Fact> byWording = new HashMap<>();

    TaxonomyWorld(Dataset dataset) {
        super(dataset);
        for (Fact fact : facts()) {
            for (String wording : wordings(fact)) {
                byWording.put(wording, fact);
            }
        }
    }

    @Override
    public Map<ProbeKind, Double> probeWeights() {
        return Map.of(ProbeKind.FORWARD, 0.2, ProbeKind.REPHRASE, 0.15, ProbeKind.REVERSAL, 0.3,
                ProbeKind.INHERITANCE, 0.35);
    }

    @Override
    protected List<Probe> buildProbes() {
        List<Probe> probes = new ArrayList<>();
        for (Fact fact : facts()) {
            List<String> wordings = wordings(fact);
            for (int i = 0; i < wordings.size(); i++) {
                String sentence = wordings.get(i);
                String statement = sentence.substring(0, sentence.length() - 1);
                int cut = statement.lastIndexOf(' ');
                probes.add(new Probe(i == 0 ? ProbeKind.FORWARD : ProbeKind.REPHRASE, statement.substring(0, cut),
                        statement.substring(cut + 1), List.of(fact.id())));
            }
        }
        for (TestItem item : dataset().tests()) {
            ProbeKind kind = switch (item.split()) {
                case "reversal" -> ProbeKind.REVERSAL;
                case "syllogism", "category-holdout" -> ProbeKind.INHERITANCE;
                default -> null; // "rephrase": the held-out wording
            };
            if (kind != null) {
                probes.add(new Probe(kind, item.prefix(), item.correctOption(), item.provenance()));
            }
        }
        return probes;
    }

    @Override
    public List<String> restatements(String sentence) {
        Fact fact = byWording.get(stripMarkers(sentence));
        return fact == null ? List.of() : List.of(fact.sentence(), reversal(fact));
    }

    /** Inherited facts first (conclusions that need the context), then the focus document's reversals. */
    @Override
    public List<String> inferences(Document focus, List<Document> context) {
        Set<String> focusFacts = Set.copyOf(focus.factIds());
        Set<String> known = new LinkedHashSet<>(focusFacts);
        known.addAll(factIds(context));
        Set<String> lines = new LinkedHashSet<>();
        for (TestItem item : dataset().tests()) {
            if ((item.split().equals("syllogism") || item.split().equals("category-holdout"))
                    && known.containsAll(item.provenance())
                    && item.provenance().stream().anyMatch(focusFacts::contains)
                    && lines.size() < MAX_INFERENCES) {
                lines.add(item.prefix() + " " + item.correctOption() + ".");
            }
        }
        int reversals = 0;
        for (String factId : focus.factIds()) {
            if (reversals++ < MAX_REVERSALS) {
                lines.add(reversal(fact(factId)));
            }
        }
        return new ArrayList<>(lines);
    }

    /** "One kind of Y is a X." for is-a, "Something that {predicate} is a X." otherwise. */
    static String reversal(Fact fact) {
        if (fact.relation().equals(IS_A)) {
            return "One kind of " + fact.object() + " is a " + fact.subject() + ".";
        }
        return "Something that " + predicate(fact) + " is a " + fact.subject() + ".";
    }

    /** Every training wording of a fact, the canonical one first. */
    static List<String> wordings(Fact fact) {
        List<String> wordings = new ArrayList<>();
        if (fact.relation().equals(IS_A)) {
            IS_A_WORDINGS.forEach(w -> wordings.add(String.format(w, fact.subject(), fact.object())));
        } else {
            String predicate = predicate(fact);
            PREDICATE_WORDINGS.forEach(w -> wordings.add(String.format(w, fact.subject(), predicate)));
        }
        return wordings;
    }

    /** The predicate of a property or relation fact: its canonical sentence "A X {predicate}." minus the rest. */
    static String predicate(Fact fact) {
        String head = "A " + fact.subject() + " ";
        String sentence = fact.sentence();
        if (!sentence.startsWith(head) || !sentence.endsWith(".")) {
            throw new IllegalStateException("Unexpected semantic fact sentence: " + sentence);
        }
        return sentence.substring(head.length(), sentence.length() - 1);
    }

    /** A sentence without its list marker or answer label ("- ", "A: "). */
    static String stripMarkers(String sentence) {
        String s = sentence.strip();
        if (s.startsWith("- ")) {
            s = s.substring(2);
        }
        if (s.startsWith("A: ")) {
            s = s.substring(3);
        }
        return s;
    }
}
