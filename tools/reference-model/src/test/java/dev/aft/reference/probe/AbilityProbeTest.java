package dev.aft.reference.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.lm.LanguageModel;
import dev.aft.reference.curriculum.WorldSeeds;
import dev.aft.reference.pretraining.ModelFolder;
import dev.aft.reference.pretraining.PretrainOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe on an untrained tiny model: every split is scored and printed next to its chance level. */
class AbilityProbeTest {

    @TempDir
    Path folder;

    @Test
    void everyProbedSplitIsScoredNextToItsChanceLevel() {
        PretrainOptions tiny = new PretrainOptions(folder.resolve("out"), folder.resolve("work"), 1, 1000, 1, 32, 2,
                1, 64, 1024, 8192, 1e-3, 0, 1, 1, null, null, false);
        Path model = folder.resolve("model");
        ModelFolder.initialize(model, tiny);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        try (LanguageModel lm = LanguageModel.load(model)) {
            AbilityProbe probe = new AbilityProbe(lm, out);
            List<AbilityProbe.Row> rows = AbilityProbe.merge(probe.multipleChoice(WorldSeeds.heldOut(0), 8));
            probe.print(rows);
            assertThat(rows).extracting(r -> r.family() + " " + r.split() + " " + r.condition()).contains(
                    "simple-reversals reversal no context", "simple-reversals reversal in context",
                    "simple-reversals forward in context", "simple-syllogisms syllogism in context",
                    "simple-syllogisms forward no context", "simple-reversals reversal own documents only",
                    "simple-syllogisms syllogism own + 3 other documents");
            for (AbilityProbe.Row row : rows) {
                if (row.items() > 0) {
                    assertThat(row.accuracy()).isBetween(0.0, 1.0);
                    assertThat(row.chance()).isBetween(0.15, 0.5);
                }
            }
            assertThat(rows.stream().filter(r -> r.family().equals("simple-reversals") && r.items() > 0))
                    .allSatisfy(r -> assertThat(r.chance()).isEqualTo(0.5));

            List<AbilityProbe.Row> recall = probe.recall(WorldSeeds.heldOut(0), 4);
            assertThat(recall).extracting(AbilityProbe.Row::split).containsExactly("4 pairs", "16 pairs", "48 pairs");
            assertThat(recall).allSatisfy(r -> {
                assertThat(r.items()).isEqualTo(4);
                assertThat(r.chance()).isEqualTo(0.25);
                assertThat(r.accuracy()).isBetween(0.0, 1.0);
            });

            // An untrained model guesses a copied token about uniformly over the 8,192 ids: log(1/8192) = -9.01.
            double[] copying = probe.copying(WorldSeeds.heldOut(0), 3);
            assertThat(copying).hasSize(3);
            for (double mean : copying) {
                assertThat(mean).isBetween(-9.5, -8.5);
            }
            assertThat(text.toString(StandardCharsets.UTF_8)).contains("copying (mean log-probability");

            probe.explain(WorldSeeds.heldOut(0), 8, 1);
            String explained = text.toString(StandardCharsets.UTF_8);
            assertThat(explained).contains("simple-reversals reversal, item ").contains("simple-syllogisms syllogism, item ")
                    .contains("  prefix \"");
            // Every explained item marks its correct option and the model's pick.
            assertThat(explained.lines().filter(l -> l.startsWith("  *")).count()).isEqualTo(4);
            assertThat(explained.lines().filter(l -> l.matches("  .>.*")).count()).isEqualTo(4);

            LocalAugmentationCheck.Result local = new LocalAugmentationCheck(lm, out).run(WorldSeeds.heldOut(0), 3);
            assertThat(local.sentences()).isEqualTo(3);
            assertThat(local.trueStatements()).isLessThanOrEqualTo(local.statements());

            // Global prompts as long as augment-service makes them: the context less the answer's room and margin.
            List<dev.aft.knowledge.Dataset> globalWorlds = AbilityProbe.globalWorlds(WorldSeeds.heldOut(0));
            GlobalAugmentationCheck.Result global = new GlobalAugmentationCheck(lm, out).run(globalWorlds.get(1), 3);
            assertThat(global.family()).isEqualTo("simple-syllogisms");
            assertThat(global.prompts()).isEqualTo(3);
            int budget = (int) ((1024 - GlobalAugmentationCheck.ANSWER_TOKENS) / (1 + GlobalAugmentationCheck.MARGIN));
            assertThat(global.promptTokens()).isBetween(budget - 60, budget + 1);
            assertThat(global.conclusions()).isPositive();
            assertThat(global.conclusionsStated()).isBetween(0, global.conclusions());
            assertThat(global.trueStatements()).isBetween(0, global.statements());
            assertThat(text.toString()).contains("global augmentation, world " + WorldSeeds.heldOut(0)
                    + " (simple-syllogisms, 3 focus documents");

            List<AbilityProbe.Row> recurring = probe.recurring(1);
            assertThat(recurring).extracting(AbilityProbe.Row::split)
                    .containsExactly("forward, stated", "forward, documents only");
            assertThat(recurring).allSatisfy(r -> assertThat(r.items()).isGreaterThan(20));
        }

        // Fine-tuning on a held-out world's documents, then every split with no context, and forward after the lead-in.
        List<AbilityProbe.Row> tuned = new FineTunabilityCheck(model, out).run(WorldSeeds.heldOut(0), 2);
        assertThat(tuned).extracting(r -> r.family() + " " + r.split() + " " + r.condition()).containsExactly(
                "simple-reversals forward fine-tuned, no context", "simple-reversals forward fine-tuned, own lead-in",
                "simple-reversals reversal fine-tuned, no context", "simple-syllogisms forward fine-tuned, no context",
                "simple-syllogisms forward fine-tuned, own lead-in", "simple-syllogisms syllogism fine-tuned, no context");
        assertThat(tuned.subList(0, 3)).allSatisfy(r -> assertThat(r.items()).isEqualTo(50));
        assertThat(tuned.subList(3, 6)).allSatisfy(r -> assertThat(r.items()).isEqualTo(24));
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("fine-tuned on 50 documents of simple-reversals")
                .contains("fine-tuned on 24 documents of simple-syllogisms");
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("accuracy").contains("chance")
                .contains("local augmentation");
    }
}
