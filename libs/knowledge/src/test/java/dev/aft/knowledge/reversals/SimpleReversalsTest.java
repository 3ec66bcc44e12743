package dev.aft.knowledge.reversals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.TestItem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimpleReversalsTest {

    /** Opposite comparatives, written here independently of the generator's table. */
    private static final Map<String, String> OPPOSITE = opposites(
            "brighter/dimmer", "heavier/lighter", "larger/smaller", "faster/slower", "older/younger",
            "stronger/weaker", "taller/shorter", "warmer/colder", "louder/quieter", "harder/softer",
            "richer/poorer", "wider/narrower", "deeper/shallower", "thicker/thinner");
    private static final Pattern COMPARISON = Pattern.compile("^([a-z]+) are ((?:more |less )?[a-z]+) than ([a-z]+)$");

    private final Dataset dataset = DefaultDatasets.of("simple-reversals");

    @Test
    void defaultIsAHundredFactsInTenArticlesEach() {
        assertThat(dataset.facts()).hasSize(100);
        assertThat(dataset.documents()).hasSize(1000);
        Map<String, Long> articlesPerFact = dataset.documents().stream()
                .collect(Collectors.groupingBy(d -> d.factIds().get(0), Collectors.counting()));
        assertThat(articlesPerFact).hasSize(100).allSatisfy((fact, count) -> assertThat(count).isEqualTo(10));
        assertThat(dataset.testsPerSplit()).containsEntry("reversal", 100).containsEntry("forward", 100);
    }

    @Test
    void comparisonsAreDrawnFromTwentyEightDimensions() {
        assertThat(ComparisonDimension.ALL).hasSize(28);
        Set<String> comparatives = new HashSet<>();
        ComparisonDimension.ALL.forEach(d -> {
            comparatives.add(d.forward());
            comparatives.add(d.opposite());
        });
        assertThat(comparatives).hasSize(56);
        assertThat(dataset.facts().stream().map(Fact::relation).distinct().count()).isGreaterThan(20);
    }

    @Test
    void everyArticleIsItsFactBehindALeadInAndAFactsArticlesUseDifferentLeadIns() {
        Map<String, Fact> facts = byId(dataset.facts());
        Map<String, Set<String>> leadIns = new HashMap<>();
        for (Document article : dataset.documents()) {
            Fact fact = facts.get(article.factIds().get(0));
            String clause = fact.sentence().substring(0, fact.sentence().length() - 1);
            assertThat(article.text()).contains(clause);
            assertThat(article.text()).doesNotStartWith(fact.subject());
            leadIns.computeIfAbsent(fact.id(), k -> new HashSet<>()).add(article.text().replace(clause, "X"));
        }
        assertThat(leadIns.values()).allSatisfy(set -> assertThat(set).hasSize(10));
        assertThat(leadIns.values().stream().flatMap(Set::stream).distinct().count()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void everyEntityOccursInExactlyOneFact() {
        List<String> entities = dataset.facts().stream()
                .flatMap(f -> java.util.stream.Stream.of(f.subject(), f.object())).toList();
        assertThat(new HashSet<>(entities)).hasSize(entities.size());
    }

    @Test
    void correctReversalFollowsFromTheTrainedFactAndTheContradictionDoesNot() {
        Map<String, Fact> facts = byId(dataset.facts());
        for (TestItem test : tests("reversal")) {
            Fact fact = facts.get(test.provenance().get(0));
            Matcher trained = parse(fact.sentence().replace(".", ""));
            for (int i = 0; i < test.options().size(); i++) {
                Matcher claim = parse(test.prefix() + " " + test.options().get(i));
                boolean entailed = claim.group(1).equals(trained.group(3)) && claim.group(3).equals(trained.group(1))
                        && claim.group(2).equals(opposite(trained.group(2)));
                assertThat(entailed).as(test.id() + " option " + i).isEqualTo(i == test.correct());
            }
        }
    }

    @Test
    void forwardControlAsksTheTrainedStatementAgainstItsContradiction() {
        Map<String, Fact> facts = byId(dataset.facts());
        for (TestItem test : tests("forward")) {
            Fact fact = facts.get(test.provenance().get(0));
            assertThat(test.prefix() + " " + test.correctOption() + ".").isEqualTo(fact.sentence());
            String wrong = test.options().get(1 - test.correct());
            Matcher trained = parse(fact.sentence().replace(".", ""));
            assertThat(wrong).isEqualTo(opposite(trained.group(2)) + " than " + trained.group(3));
        }
    }

    @Test
    void reversedSentenceNeverAppearsInTrainingButItsFactDoes() {
        Set<String> trainedFacts = dataset.documents().stream().flatMap(d -> d.factIds().stream())
                .collect(Collectors.toSet());
        for (TestItem test : tests("reversal")) {
            String reversed = test.prefix() + " " + test.correctOption();
            assertThat(dataset.documents()).noneMatch(d -> d.text().contains(reversed));
            assertThat(trainedFacts).contains(test.provenance().get(0));
        }
    }

    @Test
    void correctIndexIsBalancedBetweenTheTwoOptions() {
        long first = dataset.tests().stream().filter(t -> t.correct() == 0).count();
        assertThat(first).isBetween(70L, 130L);
    }

    private List<TestItem> tests(String split) {
        return dataset.tests().stream().filter(t -> t.split().equals(split)).toList();
    }

    private static Matcher parse(String clause) {
        Matcher matcher = COMPARISON.matcher(clause);
        assertThat(matcher.matches()).as(clause).isTrue();
        return matcher;
    }

    private static String opposite(String comparative) {
        if (comparative.startsWith("more ")) {
            return "less " + comparative.substring(5);
        }
        if (comparative.startsWith("less ")) {
            return "more " + comparative.substring(5);
        }
        assertThat(OPPOSITE).containsKey(comparative);
        return OPPOSITE.get(comparative);
    }

    private static Map<String, String> opposites(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (String pair : pairs) {
            String[] sides = pair.split("/");
            map.put(sides[0], sides[1]);
            map.put(sides[1], sides[0]);
        }
        return map;
    }

    private static Map<String, Fact> byId(List<Fact> facts) {
        return facts.stream().collect(Collectors.toMap(Fact::id, f -> f));
    }
}
