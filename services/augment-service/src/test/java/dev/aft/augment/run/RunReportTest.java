package dev.aft.augment.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.augment.domain.Normalized;
import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.augment.domain.StepCounts;
import dev.aft.augment.domain.WorldTruth;
import dev.aft.augment.persistence.RunTally;
import dev.aft.augment.persistence.StatementEntity;
import dev.aft.contracts.events.GeneratorSpec;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.Families;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunReportTest {

    private final Map<String, Object> parameters = Map.of("facts", 4, "articlesPerFact", 1);
    private final Dataset world = Families.generator("simple-reversals").generate(parameters, 3);
    private final WorldTruth truth = WorldTruth.of(new GeneratorSpec("simple-reversals", parameters, 3),
            DatasetJsonl.documents(world));

    @Test
    void precisionCoverageAndCountsOfALocalRun() {
        Fact fact = world.facts().get(0);
        String reversal = truth.checker().orElseThrow().inferences(dev.aft.knowledge.truth.Inference.Kind.REVERSAL)
                .get(0).sentence();
        List<StatementEntity> statements = new ArrayList<>();
        statements.add(statement(0, reversal));
        statements.add(statement(1, fact.sentence().replace(".", " indeed.")));
        statements.add(statement(2, fact.object() + " are nonsense words."));
        RunTally tally = RunTally.of(List.of(
                new RunTally.Row("local:d-0001:0", false, 5, 1, 1, 0, 0, 3, null, false),
                new RunTally.Row("local:d-0001:0", false, 0, 0, 0, 0, 0, 0, null, false)));
        RunReport report = RunReport.of(AugmentStrategy.LOCAL, 1, 2, tally, statements, truth);

        assertThat(report.counts()).containsEntry("outputs", 2).containsEntry("emptyOutputs", 1)
                .containsEntry("candidates", 5).containsEntry("kept", 3).containsEntry("trueInWorld", 2)
                .containsEntry("reversalTargets", 4).containsEntry("reversalsCovered", 1)
                .containsEntry("twoStepTargets", 0);
        assertThat(report.precision()).isEqualTo(2.0 / 3);
        assertThat(report.coverage()).isEqualTo(0.25);

        String jsonl = new String(report.content(), StandardCharsets.UTF_8);
        assertThat(jsonl.split("\n")[0]).isEqualTo("{\"id\":\"" + statements.get(0).id + "\",\"text\":\"" + reversal
                + "\",\"strategy\":\"local\",\"source\":{\"documentIds\":[\"d-0001\"],\"sentenceIndex\":0},"
                + "\"promptId\":\"local:d-0001:0\",\"sample\":1,\"trueInWorld\":true}");
        assertThat(jsonl).endsWith("\n").contains("\"trueInWorld\":false");
        assertThat(report.sha256()).isEqualTo(StatementsJsonl.sha256(report.content()));
    }

    @Test
    void aRunWithNoStatementsHasNoPrecisionButItsCoverageIsZero() {
        RunReport report = RunReport.of(AugmentStrategy.LOCAL, 0, 0, RunTally.of(List.of()), List.of(), truth);
        assertThat(report.precision()).isNull();
        assertThat(report.coverage()).isZero();
        assertThat(report.content()).isEmpty();
        assertThat(report.counts().get("outputs")).isZero();
        assertThat(StepCounts.ZERO.consistent()).isTrue();
    }

    private StatementEntity statement(int position, String text) {
        StatementEntity s = new StatementEntity();
        s.id = UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
        s.runId = "aug-x";
        s.position = position;
        s.text = text;
        s.normalized = Normalized.of(text);
        s.documentIds = "[\"d-0001\"]";
        s.sentenceIndex = 0;
        s.promptId = "local:d-0001:0";
        s.sample = 1;
        s.trueInWorld = truth.checker().orElseThrow().isTrue(text);
        return s;
    }
}
