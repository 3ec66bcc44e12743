package dev.aft.reference.probe;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.TestItem;
import dev.aft.lm.LanguageModel;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.lm.tokenizer.TokenizerFiles;
import dev.aft.lm.training.FineTuner;
import dev.aft.lm.training.TrainingExample;
import dev.aft.lm.training.TrainingListener;
import dev.aft.lm.training.TrainingOptions;
import dev.aft.reference.curriculum.CurriculumWorlds;
import dev.aft.reference.pretraining.Pretraining;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fine-tunability target, in-process: full fine-tuning on a held-out world's documents alone (as
 * finetune-service sends them: one text record per document, every token learned), with the model card's
 * hyperparameters (300 steps of 16, learning rate 3e-4; warm-up, linear decay and clipping as libs/lm's defaults), then multiple choice
 * with no context on each split. The card's worlds: simple reversals with 50 facts, one article each, and
 * syllogisms with 24 examples. One more row per family asks the forward items after the fact's own document up
 * to the prefix (its lead-in), the very text it was trained on: the gap between that row and the bare forward
 * row is what the fine-tuned model keeps only inside its documents' wording.
 */
final class FineTunabilityCheck {

    static final double LEARNING_RATE = 3e-4;
    static final int BATCH = 16;

    private final Path baseModel;
    private final PrintStream out;

    FineTunabilityCheck(Path baseModel, PrintStream out) {
        this.baseModel = baseModel;
        this.out = out;
    }

    /** Rows of both families' worlds of {@code seed} after {@code steps} steps each. */
    List<AbilityProbe.Row> run(long seed, int steps) {
        List<AbilityProbe.Row> rows = new ArrayList<>();
        for (Dataset world : List.of(
                Families.generator(CurriculumWorlds.REVERSALS).generate(Map.of("facts", 50, "articlesPerFact", 1), seed),
                Families.generator(CurriculumWorlds.SYLLOGISMS).generate(Map.of("examples", 24), seed))) {
            rows.addAll(run(world, steps));
        }
        return rows;
    }

    private List<AbilityProbe.Row> run(Dataset world, int steps) {
        Path work = temporary("aft-probe-ft-work");
        Path output = temporary("aft-probe-ft-model");
        try {
            List<TrainingExample> examples = new ArrayList<>();
            try (Tokenizer tokenizer = Tokenizer.load(baseModel)) {
                for (Document document : world.documents()) {
                    examples.add(new TrainingExample(new int[] {TokenizerFiles.BOS_ID},
                            tokenizer.encode(document.text()).ids()));
                }
            }
            TrainingOptions defaults = TrainingOptions.defaults();
            TrainingOptions options = new TrainingOptions(TrainingOptions.Method.FULL, defaults.loraRank(),
                    defaults.loraAlpha(), defaults.loraTargetModules(), LEARNING_RATE, defaults.warmupSteps(),
                    defaults.schedule(), defaults.weightDecay(), BATCH, steps, 0, 1234, false, 0,
                    defaults.maxGradNorm());
            long started = System.nanoTime();
            Files.delete(output);
            FineTuner.train(baseModel, examples, options, work, output, TrainingListener.NONE,
                    () -> false);
            out.printf(Locale.ROOT, "fine-tuned on %d documents of %s %d: %d steps in %.0f s%n", examples.size(),
                    world.family(), world.seed(), steps, (System.nanoTime() - started) / 1e9);
            List<AbilityProbe.Row> rows = new ArrayList<>();
            try (LanguageModel tuned = LanguageModel.load(output)) {
                MultipleChoice choice = new MultipleChoice(tuned);
                for (String split : world.testsPerSplit().keySet()) {
                    List<TestItem> items = world.tests().stream().filter(t -> t.split().equals(split)).toList();
                    rows.add(AbilityProbe.row(world.family(), split, "fine-tuned, no context", items,
                            choice.correct("", items)));
                    if (split.equals("forward")) {
                        rows.add(AbilityProbe.row(world.family(), split, "fine-tuned, own lead-in", items,
                                items.stream().map(t -> choice.correct(leadIn(world, t), List.of(t)).get(0)).toList()));
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Pretraining.deleteRecursively(work);
            Pretraining.deleteRecursively(output);
        }
    }

    /** The text of the item's first document before its prefix, or "" when the prefix is not in it. */
    private static String leadIn(Dataset world, TestItem item) {
        for (Document document : world.documents()) {
            if (document.factIds().stream().anyMatch(item.provenance()::contains)) {
                int at = document.text().indexOf(" " + item.prefix());
                return at < 0 ? "" : document.text().substring(0, at + 1);
            }
        }
        return "";
    }

    private static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
