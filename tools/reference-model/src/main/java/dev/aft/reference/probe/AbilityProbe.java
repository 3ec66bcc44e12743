package dev.aft.reference.probe;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.Seeds;
import dev.aft.knowledge.TestItem;
import dev.aft.lm.LanguageModel;
import dev.aft.lm.scoring.TokenScores;
import dev.aft.reference.curriculum.CurriculumWorlds;
import dev.aft.reference.curriculum.Episode;
import dev.aft.reference.curriculum.HeldOutTemplates;
import dev.aft.reference.curriculum.PromptFormats;
import dev.aft.reference.curriculum.RecallEpisodes;
import dev.aft.reference.curriculum.RecurringFacts;
import dev.aft.reference.curriculum.WorldSeeds;
import dev.aft.reference.tokenizer.ReferenceTokenizer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code tools/reference-model/probe.sh MODEL_FOLDER}: a quick look at a pretrained model's abilities on
 * held-out worlds ({@link WorldSeeds#heldOut}), for iterating on the curriculum. Multiple-choice accuracy with
 * no context and with every training document in context (eval-service's format), per split, next to chance:
 * simple-reversals (reversal, forward; in context also split by whether the fact's article uses a held-out
 * lead-in) and simple-syllogisms (syllogism, forward); then a sample of local augmentations
 * ({@link LocalAugmentationCheck}). Not the model card's measurement: that goes through model-service.
 */
public final class AbilityProbe {

    /** The run seed of the recipe, whose recurring facts the probe asks about. */
    static final long RECURRING_RUN_SEED = 1;

    /** A table row. */
    record Row(String family, String split, String condition, int items, double accuracy, double chance) {
    }

    private final LanguageModel model;
    private final PrintStream out;

    AbilityProbe(LanguageModel model, PrintStream out) {
        this.model = model;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("Usage: probe.sh MODEL_FOLDER [worlds (1)] [facts per world (24)] [augmentation sentences and focus documents (20)]"
                    + " [explained items per split (0)] [fine-tuning steps (0)]");
            System.exit(2);
        }
        int worlds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int facts = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        int sentences = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int explained = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int fineTuningSteps = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        try (LanguageModel model = LanguageModel.load(Path.of(args[0]))) {
            AbilityProbe probe = new AbilityProbe(model, System.out);
            List<Row> rows = new ArrayList<>();
            for (int w = 0; w < worlds; w++) {
                rows.addAll(probe.recall(WorldSeeds.heldOut(w), facts));
                rows.addAll(probe.multipleChoice(WorldSeeds.heldOut(w), facts));
            }
            rows.addAll(probe.recurring(RECURRING_RUN_SEED));
            probe.print(merge(rows));
            probe.copying(WorldSeeds.heldOut(0), facts);
            if (explained > 0) {
                probe.explain(WorldSeeds.heldOut(0), facts, explained);
            }
            for (int w = 0; w < worlds && sentences > 0; w++) {
                new LocalAugmentationCheck(model, System.out).run(WorldSeeds.heldOut(w), sentences);
            }
            for (int w = 0; w < worlds && sentences > 0; w++) {
                for (Dataset world : globalWorlds(WorldSeeds.heldOut(w))) {
                    new GlobalAugmentationCheck(model, System.out).run(world, sentences);
                }
            }
            if (fineTuningSteps > 0) {
                List<Row> tuned = new ArrayList<>();
                for (int w = 0; w < worlds; w++) {
                    tuned.addAll(new FineTunabilityCheck(Path.of(args[0]), System.out).run(WorldSeeds.heldOut(w),
                            fineTuningSteps));
                }
                probe.print(merge(tuned));
            }
        }
    }

    /** The global-augmentation worlds of {@code seed}, at the model card's sizes. */
    static List<Dataset> globalWorlds(long seed) {
        return List.of(
                Families.generator(CurriculumWorlds.REVERSALS).generate(Map.of("facts", 50, "articlesPerFact", 1), seed),
                Families.generator(CurriculumWorlds.SYLLOGISMS).generate(Map.of("examples", 24), seed));
    }

    /** The probed held-out worlds of {@code seed}: simple-reversals, then simple-syllogisms. */
    private static List<Dataset> worlds(long seed, int facts) {
        return List.of(
                Families.generator(CurriculumWorlds.REVERSALS).generate(Map.of("facts", facts, "articlesPerFact", 1), seed),
                Families.generator(CurriculumWorlds.SYLLOGISMS).generate(Map.of("examples", facts), seed));
    }

    /**
     * Prints, for the first {@code count} items of each split of each probed family, how the model scores the
     * options with only the item's own documents in context, token by token: what it takes from its context and
     * what it does not.
     */
    void explain(long seed, int facts, int count) {
        MultipleChoice choice = new MultipleChoice(model);
        for (Dataset dataset : worlds(seed, facts)) {
            for (String split : dataset.testsPerSplit().keySet()) {
                List<TestItem> items = dataset.tests().stream().filter(t -> t.split().equals(split)).limit(count)
                        .toList();
                for (TestItem item : items) {
                    List<Document> own = stating(dataset.documents(), item);
                    out.printf(Locale.ROOT, "%s %s, item %s, own documents in context (%s):%n", dataset.family(),
                            split, item.id(), own.stream().map(Document::id).collect(Collectors.joining(", ")));
                    out.print(choice.explain(PromptFormats.inContext(own), item));
                }
            }
        }
    }

    /**
     * Forward items of the recurring facts of a run with seed {@code runSeed} ({@link RecurringFacts}), with no
     * context: those whose statements the run showed, and those it showed only in documents. Near chance for a
     * model that never trained on them.
     */
    List<Row> recurring(long runSeed) {
        RecurringFacts facts = RecurringFacts.of(runSeed);
        return List.of(row("recurring facts", "forward, stated", "no context", "", facts.asked()),
                row("recurring facts", "forward, documents only", "no context", "", facts.unasked()));
    }

    /** Rows for one held-out world of each probed family. */
    List<Row> multipleChoice(long seed, int facts) {
        List<Row> rows = new ArrayList<>();
        List<Dataset> worlds = worlds(seed, facts);
        Dataset reversals = worlds.get(0);
        for (Dataset dataset : worlds) {
            List<Document> shown = fitting(dataset.documents());
            String context = PromptFormats.inContext(shown);
            out.printf(Locale.ROOT, "world %d %s: %d of %d documents in context (%d tokens)%n", seed,
                    dataset.family(), shown.size(), dataset.documents().size(),
                    new MultipleChoice(model).tokens(context));
            Set<String> shownFacts = shown.stream().flatMap(d -> d.factIds().stream()).collect(Collectors.toSet());
            List<TestItem> items = dataset.tests().stream()
                    .filter(t -> shownFacts.containsAll(t.provenance())).toList();
            Random others = Seeds.stream(seed, "probe-other-documents");
            for (String split : dataset.testsPerSplit().keySet()) {
                List<TestItem> ofSplit = items.stream().filter(t -> t.split().equals(split)).toList();
                rows.add(row(dataset.family(), split, "no context", "", ofSplit));
                rows.add(row(dataset.family(), split, "in context", context, ofSplit));
                rows.add(rowPerItem(dataset.family(), split, "own documents only",
                        t -> PromptFormats.inContext(stating(dataset.documents(), t)), ofSplit));
                rows.add(rowPerItem(dataset.family(), split, "own + 3 other documents",
                        t -> PromptFormats.inContext(withOthers(dataset.documents(), stating(dataset.documents(), t),
                                3, others)), ofSplit));
                if (dataset == reversals) {
                    Predicate<TestItem> heldOut = t -> shown.stream().anyMatch(d ->
                            d.factIds().containsAll(t.provenance()) && !HeldOutTemplates.inCurriculum(d));
                    rows.add(row(dataset.family(), split + ", held-out lead-in", "in context", context,
                            ofSplit.stream().filter(heldOut).toList()));
                }
            }
        }
        return rows;
    }

    /**
     * Associative recall on fresh pair lists of each size: the list, then one key; four options, the key's value
     * and three other values of the list. The copy-from-context ability every in-context condition rests on.
     */
    List<Row> recall(long seed, int episodes) {
        List<Row> rows = new ArrayList<>();
        for (int pairs : new int[] {4, 16, 48}) {
            Random random = Seeds.stream(seed, "probe-recall-" + pairs);
            List<TestItem> items = new ArrayList<>();
            for (int e = 0; e < episodes; e++) {
                Episode episode = RecallEpisodes.episode(random, seed, pairs, 1);
                List<String> listed = episode.prompt().lines().filter(l -> l.contains(": ")).toList();
                String asked = episode.completion();
                String key = asked.substring(0, asked.indexOf(": "));
                String value = asked.substring(asked.indexOf(": ") + 2);
                List<String> options = new ArrayList<>(listed.stream().map(l -> l.substring(l.indexOf(": ") + 2))
                        .filter(v -> !v.equals(value)).distinct().toList());
                Collections.shuffle(options, random);
                options = new ArrayList<>(options.subList(0, Math.min(3, options.size())));
                int correct = random.nextInt(options.size() + 1);
                options.add(correct, value);
                items.add(new TestItem("recall-" + pairs + "-" + e, pairs + " pairs", "recall",
                        episode.prompt() + key + ":", options, correct, List.of()));
            }
            rows.add(row("recall", pairs + " pairs", "in context", "", items));
        }
        return rows;
    }

    /**
     * Prints the mean log-probability of a copied token in fresh copy episodes (a list of 4, 8 and 16 nonsense
     * words, then the same list again), next to a uniform guess over the vocabulary: the copying a model needs
     * before any in-context accuracy can move, and which moves long before accuracy does. Returns the three means.
     */
    double[] copying(long seed, int episodes) {
        Random random = Seeds.stream(seed, "probe-copy");
        StringBuilder line = new StringBuilder();
        int[] lengths = {4, 8, 16};
        double[] means = new double[lengths.length];
        for (int n = 0; n < lengths.length; n++) {
            int words = lengths[n];
            List<int[]> sequences = new ArrayList<>();
            List<Integer> answerStarts = new ArrayList<>();
            for (int e = 0; e < episodes; e++) {
                Episode episode = RecallEpisodes.copy(random, seed, words);
                sequences.add(ReferenceTokenizer.encodeWithBos(model.tokenizer(), episode.text()));
                answerStarts.add(ReferenceTokenizer.encodeWithBos(model.tokenizer(), episode.prompt()).length);
            }
            List<TokenScores> scores = model.score(sequences, 0);
            double sum = 0;
            long tokens = 0;
            for (int i = 0; i < sequences.size(); i++) {
                sum += scores.get(i).sum(answerStarts.get(i));
                tokens += sequences.get(i).length - answerStarts.get(i);
            }
            means[n] = sum / tokens;
            line.append(String.format(Locale.ROOT, "  %d words: %.2f", words, means[n]));
        }
        out.printf(Locale.ROOT, "copying (mean log-probability of a copied token; uniform guess %.2f):%s%n",
                -Math.log(model.tokenizer().vocabSize()), line);
        return means;
    }

    /** The documents that state any of the item's facts. */
    private static List<Document> stating(List<Document> documents, TestItem item) {
        return documents.stream().filter(d -> d.factIds().stream().anyMatch(item.provenance()::contains)).toList();
    }

    /** {@code own} and {@code count} other documents, shuffled. */
    private static List<Document> withOthers(List<Document> documents, List<Document> own, int count, Random random) {
        List<Document> rest = new ArrayList<>(documents.stream().filter(d -> !own.contains(d)).toList());
        Collections.shuffle(rest, random);
        List<Document> shown = new ArrayList<>(own);
        shown.addAll(rest.subList(0, Math.min(count, rest.size())));
        Collections.shuffle(shown, random);
        return shown;
    }

    private Row rowPerItem(String family, String split, String condition, Function<TestItem, String> context,
            List<TestItem> items) {
        MultipleChoice choice = new MultipleChoice(model);
        return row(family, split, condition, items,
                items.stream().map(t -> choice.correct(context.apply(t), List.of(t)).get(0)).toList());
    }

    /** The documents, in order, that fit the context with room for the longest question. */
    private List<Document> fitting(List<Document> documents) {
        int budget = model.contextLength() - 48;
        List<Document> shown = new ArrayList<>();
        for (Document document : documents) {
            shown.add(document);
            if (new MultipleChoice(model).tokens(PromptFormats.inContext(shown)) > budget) {
                shown.remove(shown.size() - 1);
                break;
            }
        }
        return shown;
    }

    private Row row(String family, String split, String condition, String context, List<TestItem> items) {
        return row(family, split, condition, items,
                items.isEmpty() ? List.of() : new MultipleChoice(model).correct(context, items));
    }

    /** The row of {@code items}, given whether the model picked each one's correct option. */
    static Row row(String family, String split, String condition, List<TestItem> items, List<Boolean> correct) {
        if (items.isEmpty()) {
            return new Row(family, split, condition, 0, Double.NaN, Double.NaN);
        }
        double accuracy = correct.stream().filter(c -> c).count() / (double) items.size();
        double chance = items.stream().mapToDouble(t -> 1.0 / t.options().size()).average().orElse(Double.NaN);
        return new Row(family, split, condition, items.size(), accuracy, chance);
    }

    /** Rows of several worlds with the same family, split and condition, pooled (item-weighted). */
    static List<Row> merge(List<Row> rows) {
        Map<String, Row> merged = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.family() + "|" + r.split() + "|" + r.condition();
            Row before = merged.get(key);
            if (before == null || before.items() == 0) {
                merged.put(key, r);
            } else if (r.items() > 0) {
                int n = before.items() + r.items();
                merged.put(key, new Row(r.family(), r.split(), before.condition(), n,
                        (before.accuracy() * before.items() + r.accuracy() * r.items()) / n,
                        (before.chance() * before.items() + r.chance() * r.items()) / n));
            }
        }
        return new ArrayList<>(merged.values());
    }

    void print(List<Row> rows) {
        out.printf(Locale.ROOT, "%-18s %-30s %-24s %6s %9s %7s%n", "family", "split", "condition", "items",
                "accuracy", "chance");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-18s %-30s %-24s %6d %9s %7s%n", r.family(), r.split(), r.condition(),
                    r.items(), format(r.accuracy()), format(r.chance()));
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
