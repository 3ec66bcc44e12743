package dev.aft.knowledge.syllogisms;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.truth.Claims;
import dev.aft.knowledge.truth.GroundTruth;
import dev.aft.knowledge.truth.Inference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ground truth of a simple-syllogisms world: each example's three terms and two premises. Claims are read in
 * the family's form "Q X are Y" with Q in {all, some, no}; a claim holds when X and Y are two different terms
 * of one example and the example's premises entail it with existential import (every term non-empty, the
 * generous reading the generator also uses for its distractors). Claims relating terms of different examples
 * are not true: the world says nothing about them.
 *
 * <p>Valid reversals: the converse of each "no" and "some" premise ("No B are A" from "No A are B"); an "all"
 * premise has none. Two-step conclusions: per example, the statements about its two end terms (the terms that
 * are not the middle term) that follow from both premises even without existential import; stating any one of
 * them covers the example's conclusion.
 */
public final class SyllogismsGroundTruth implements GroundTruth {

    private static final Pattern CLAIM = Pattern.compile("\\b(all|some|no) ([a-z]+) are ([a-z]+)\\b");

    private final Map<String, Example> exampleOfTerm = new HashMap<>();
    private final Map<String, Set<String>> inferencesOfClaim = new HashMap<>();
    private final List<Inference> reversals = new ArrayList<>();
    private final List<Inference> conclusions = new ArrayList<>();

    private record Example(List<String> terms, List<Statement> premises) {
    }

    private SyllogismsGroundTruth() {
    }

    /** The checker of a simple-syllogisms dataset: one example per document, its premises the document's facts. */
    public static SyllogismsGroundTruth of(Dataset dataset) {
        Map<String, Fact> facts = new HashMap<>();
        dataset.facts().forEach(f -> facts.put(f.id(), f));
        SyllogismsGroundTruth truth = new SyllogismsGroundTruth();
        for (Document document : dataset.documents()) {
            List<Fact> premises = document.factIds().stream().map(facts::get).toList();
            if (premises.contains(null)) {
                throw new IllegalArgumentException("document " + document.id() + " names a fact the dataset lacks");
            }
            truth.add(premises);
        }
        return truth;
    }

    private void add(List<Fact> facts) {
        List<String> terms = new ArrayList<>();
        List<Statement> premises = new ArrayList<>();
        for (Fact fact : facts) {
            Statement premise = new Statement(quantifier(fact.relation()), fact.subject(), fact.object());
            premises.add(premise);
            for (String term : List.of(fact.subject(), fact.object())) {
                if (!terms.contains(term)) {
                    terms.add(term);
                }
            }
            if (premise.quantifier() != Quantifier.ALL) {
                Statement converse = new Statement(premise.quantifier(), premise.predicate(), premise.subject());
                Inference reversal = new Inference("reversal:" + fact.id(), Inference.Kind.REVERSAL,
                        converse.sentence(), List.of(fact.id()));
                reversals.add(reversal);
                state(converse, reversal.id());
            }
        }
        if (terms.size() > 3) {
            throw new IllegalArgumentException("a syllogism example relates at most three terms, got " + terms);
        }
        Example example = new Example(List.copyOf(terms), List.copyOf(premises));
        terms.forEach(term -> exampleOfTerm.put(term, example));
        if (premises.size() == 2 && terms.size() == 3) {
            List<String> ends = terms.stream()
                    .filter(term -> premises.stream().filter(p -> mentions(p, term)).count() == 1).toList();
            if (ends.size() == 2) {
                List<Statement> valid = Statement.allAbout(ends.get(0), ends.get(1)).stream()
                        .filter(s -> VennModels.entails(example.terms(), premises, s, false)).toList();
                if (!valid.isEmpty()) {
                    Inference conclusion = new Inference(
                            "two-step:" + String.join("+", facts.stream().map(Fact::id).toList()),
                            Inference.Kind.TWO_STEP, valid.get(0).sentence(), facts.stream().map(Fact::id).toList());
                    conclusions.add(conclusion);
                    valid.forEach(s -> state(s, conclusion.id()));
                }
            }
        }
    }

    @Override
    public String family() {
        return SimpleSyllogismsGenerator.FAMILY;
    }

    @Override
    public boolean isTrue(String sentence) {
        if (Claims.hasUnreadableNegation(sentence)) {
            return false;
        }
        List<Statement> claims = claims(sentence);
        return !claims.isEmpty() && claims.stream().allMatch(this::holds);
    }

    @Override
    public List<Inference> inferences(Inference.Kind kind) {
        return List.copyOf(kind == Inference.Kind.REVERSAL ? reversals : conclusions);
    }

    @Override
    public Set<String> inferencesStated(String sentence) {
        Set<String> stated = new LinkedHashSet<>();
        if (!Claims.hasUnreadableNegation(sentence)) {
            for (Statement claim : claims(sentence)) {
                stated.addAll(inferencesOfClaim.getOrDefault(key(claim), Set.of()));
            }
        }
        return stated;
    }

    private boolean holds(Statement claim) {
        Example example = exampleOfTerm.get(claim.subject());
        return example != null && !claim.subject().equals(claim.predicate())
                && example == exampleOfTerm.get(claim.predicate())
                && VennModels.entails(example.terms(), example.premises(), claim, true);
    }

    private void state(Statement statement, String inferenceId) {
        inferencesOfClaim.computeIfAbsent(key(statement), k -> new LinkedHashSet<>()).add(inferenceId);
    }

    private static List<Statement> claims(String sentence) {
        List<Statement> claims = new ArrayList<>();
        Matcher m = CLAIM.matcher(Claims.normalize(sentence));
        while (m.find()) {
            claims.add(new Statement(Quantifier.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2), m.group(3)));
        }
        return claims;
    }

    private static boolean mentions(Statement statement, String term) {
        return statement.subject().equals(term) || statement.predicate().equals(term);
    }

    private static Quantifier quantifier(String relation) {
        for (Quantifier quantifier : Quantifier.values()) {
            if (quantifier.relation().equals(relation)) {
                return quantifier;
            }
        }
        throw new IllegalArgumentException("not a syllogism relation: " + relation);
    }

    private static String key(Statement statement) {
        return statement.quantifier() + "|" + statement.subject() + "|" + statement.predicate();
    }
}
