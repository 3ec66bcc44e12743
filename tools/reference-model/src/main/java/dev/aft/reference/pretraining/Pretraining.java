package dev.aft.reference.pretraining;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aft.lm.checkpoint.LlamaCheckpoint;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.lm.training.FineTuner;
import dev.aft.lm.training.TrainingExample;
import dev.aft.lm.training.TrainingOptions;
import dev.aft.lm.training.TrainingResult;
import dev.aft.reference.curriculum.Curriculum;
import dev.aft.reference.curriculum.EpisodeEncoder;
import dev.aft.reference.curriculum.EpisodeKind;
import dev.aft.reference.curriculum.Stage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Pretrains the reference model: a randomly initialized model folder, then one full fine-tuning run per
 * curriculum {@link Stage} (libs/lm's {@link FineTuner}: AdamW, warm-up, gradient clipping, completion-only
 * loss, a checkpoint every few steps), each stage starting from the previous stage's output.
 *
 * <p>Work folder layout: {@code run.txt} (the options that decide the weights), {@code base/} (initial model),
 * {@code stage-N-name.work/} (checkpoints of the stage in progress), {@code stage-N-name/} (a finished stage's
 * model, with {@code stage.json}), {@code pretrain.log}. Everything is a pure function of the options, so a run
 * killed at any point continues where its last checkpoint was when the same command runs again.
 */
public final class Pretraining {

    static final String RUN_FILE = "run.txt";
    static final String STAGE_FILE = "stage.json";
    static final String SUMMARY_FILE = "pretraining.json";
    static final List<String> MODEL_FILES = List.of(LlamaConfig.FILE_NAME, LlamaCheckpoint.WEIGHTS_FILE,
            Tokenizer.FILE_NAME, "tokenizer_config.json", "generation_config.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PretrainOptions options;
    private final List<Stage> stages;
    private final PrintStream console;
    private final BooleanSupplier stop;

    public Pretraining(PretrainOptions options, List<Stage> stages, PrintStream console) {
        this(options, stages, console, () -> false);
    }

    /**
     * @param stop polled before every optimizer step; when true, the stage checkpoints and
     *             {@link dev.aft.lm.training.TrainingCancelledException} ends the run (as a kill would, minus the
     *             steps since the last checkpoint)
     */
    Pretraining(PretrainOptions options, List<Stage> stages, PrintStream console, BooleanSupplier stop) {
        this.options = options;
        this.stages = stages.stream().map(s -> s.fitting(options.context())).toList();
        this.console = console;
        this.stop = stop;
    }

    /** Runs (or resumes) every stage and writes the finished model folder {@code options.out()}. */
    public Path run() {
        Path work = options.work();
        createDirectories(work);
        checkRunFile(work);
        ProgressLog log = new ProgressLog(console, work.resolve("pretrain.log"), work.resolve("base.clock"), "init",
                options.logEvery(), 0, options.tokens());
        Path base = work.resolve("base");
        if (!Files.isRegularFile(base.resolve(LlamaCheckpoint.WEIGHTS_FILE))) {
            Path partial = work.resolve("base.partial");
            deleteRecursively(partial);
            LlamaConfig config;
            if (options.init() != null) {
                config = ModelFolder.copyInitial(options.init(), partial, options);
            } else {
                config = ModelFolder.initialize(partial, options);
            }
            move(partial, base);
            log.line(String.format(Locale.ROOT, (options.init() != null ? "started from " + options.init() + " as "
                    : "initialized ") + "%s: %,d parameters (%d layers, hidden %d, %d/%d heads,"
                    + " MLP %d, vocabulary %d, context %d), %.1f MB", base, ModelFolder.parameters(config),
                    config.numHiddenLayers(), config.hiddenSize(), config.numAttentionHeads(),
                    config.numKeyValueHeads(), config.intermediateSize(), config.vocabSize(),
                    config.maxPositionEmbeddings(), size(base.resolve(LlamaCheckpoint.WEIGHTS_FILE)) / 1e6));
        }
        List<Map<String, Object>> summaries = new ArrayList<>();
        long tokensBefore = 0;
        Path previous = base;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            String name = "stage-" + (i + 1) + "-" + stage.name();
            Path done = work.resolve(name);
            if (!Files.isRegularFile(done.resolve(STAGE_FILE))) {
                runStage(i, stage, name, previous, done, tokensBefore, log);
            } else {
                log.line(name + " already done (" + done + ")");
            }
            Map<String, Object> summary = readJson(done.resolve(STAGE_FILE));
            summaries.add(summary);
            tokensBefore += ((Number) summary.get("tokens")).longValue();
            previous = done;
        }
        publish(previous, summaries, log);
        return options.out();
    }

    private void runStage(int index, Stage stage, String name, Path base, Path done, long tokensBefore,
            ProgressLog runLog) {
        long budget = Math.max(1, Math.round(options.tokens() * stage.tokenShare()));
        long started = System.nanoTime();
        List<TrainingExample> examples = new ArrayList<>();
        Map<EpisodeKind, Long> tokens;
        try (Tokenizer tokenizer = Tokenizer.load(base)) {
            EpisodeEncoder encoder = new EpisodeEncoder(tokenizer, stage.sequenceTokens());
            Curriculum curriculum = new Curriculum(options.seed(), text -> tokenizer.encode(text).length());
            tokens = curriculum.generate(index, stage, budget, episode -> encoder.encode(episode).map(example -> {
                examples.add(example);
                return example.length();
            }).orElse(0));
        }
        long total = tokens.values().stream().mapToLong(Long::longValue).sum();
        int steps = (examples.size() + stage.batchSize() - 1) / stage.batchSize();
        runLog.line(String.format(Locale.ROOT, "%s: %,d examples, %s tokens %s, %d steps of %d x <=%d tokens"
                + " (curriculum built in %.0f s)", name, examples.size(), ProgressLog.count(total), shares(tokens),
                steps, stage.batchSize(), stage.sequenceTokens(), (System.nanoTime() - started) / 1e9));

        boolean last = index == stages.size() - 1;
        int warmup = Math.min(index == 0 ? 100 : 20, Math.max(1, steps / 10));
        TrainingOptions training = TrainingOptions.defaults()
                .withMethod(TrainingOptions.Method.FULL)
                .withLearningRate(options.learningRate())
                .withSchedule(warmup, last && !options.keepLearningRate() ? TrainingOptions.Schedule.COSINE
                        : TrainingOptions.Schedule.CONSTANT)
                .withWeightDecay(options.weightDecay())
                .withBatchSize(stage.batchSize())
                .withSteps(steps)
                .withSeed(options.seed() * 31 + index)
                .withCompletionOnlyLoss(true)
                .withCheckpointEvery(options.checkpointEvery())
                .withMaxGradNorm(1.0);
        Path workDir = options.work().resolve(name + ".work");
        Path partial = options.work().resolve(name + ".partial");
        deleteRecursively(partial);
        ProgressLog log = new ProgressLog(console, options.work().resolve("pretrain.log"),
                options.work().resolve(name + ".clock"), name, options.logEvery(), tokensBefore, options.tokens());
        TrainingResult result = FineTuner.train(base, examples, training, workDir, partial, log, stop);
        double seconds = log.stageSeconds();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("stage", stage.name());
        summary.put("sequenceTokens", stage.sequenceTokens());
        summary.put("batchSize", stage.batchSize());
        summary.put("examples", examples.size());
        summary.put("steps", result.steps());
        summary.put("tokens", result.tokens());
        summary.put("tokensByKind", tokenMap(tokens));
        summary.put("finalLoss", result.finalLoss());
        summary.put("learningRate", options.learningRate());
        summary.put("warmupSteps", warmup);
        summary.put("schedule", training.schedule().name());
        summary.put("trainingSeconds", Math.round(seconds));
        writeJson(partial.resolve(STAGE_FILE), summary);
        move(partial, done);
        deleteRecursively(workDir);
        log.line(String.format(Locale.ROOT, "%s done: %d steps, %s tokens, final loss %.4f, %s", name,
                result.steps(), ProgressLog.count(result.tokens()), result.finalLoss(), ProgressLog.clock(seconds)));
    }

    /** Copies the last stage's model into the output folder with a summary of the run. */
    private void publish(Path finalStage, List<Map<String, Object>> stageSummaries, ProgressLog log) {
        Path out = options.out();
        Path parent = out.toAbsolutePath().getParent();
        createDirectories(parent);
        Path partial = parent.resolve(out.getFileName() + ".partial");
        deleteRecursively(partial);
        createDirectories(partial);
        for (String file : MODEL_FILES) {
            copy(finalStage.resolve(file), partial.resolve(file));
        }
        long tokens = 0;
        long seconds = 0;
        int steps = 0;
        for (Map<String, Object> s : stageSummaries) {
            tokens += ((Number) s.get("tokens")).longValue();
            seconds += ((Number) s.get("trainingSeconds")).longValue();
            steps += ((Number) s.get("steps")).intValue();
        }
        LlamaConfig config = LlamaConfig.read(partial.resolve(LlamaConfig.FILE_NAME));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("options", options.describeRun());
        summary.put("parameters", ModelFolder.parameters(config));
        summary.put("steps", steps);
        summary.put("tokens", tokens);
        summary.put("trainingSeconds", seconds);
        summary.put("stages", stageSummaries);
        writeJson(partial.resolve(SUMMARY_FILE), summary);
        deleteRecursively(out);
        move(partial, out);
        log.line(String.format(Locale.ROOT, "wrote %s: %,d parameters, %d steps, %s tokens, training time %s",
                out, ModelFolder.parameters(config), steps, ProgressLog.count(tokens), ProgressLog.clock(seconds)));
    }

    private void checkRunFile(Path work) {
        Path file = work.resolve(RUN_FILE);
        String wanted = options.describeRun();
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file).trim();
                if (!existing.equals(wanted)) {
                    throw new IllegalStateException("Work folder " + work + " holds another run [" + existing
                            + "]; this command asks for [" + wanted + "]. Use another --work or delete it.");
                }
            } else {
                Files.writeString(file, wanted + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shares(Map<EpisodeKind, Long> tokens) {
        long total = Math.max(1, tokens.values().stream().mapToLong(Long::longValue).sum());
        StringBuilder text = new StringBuilder("(");
        tokens.forEach((kind, n) -> {
            if (n > 0) {
                text.append(text.length() > 1 ? ", " : "").append(kind.name().toLowerCase(Locale.ROOT))
                        .append(String.format(Locale.ROOT, " %.0f%%", 100.0 * n / total));
            }
        });
        return text.append(")").toString();
    }

    private static Map<String, Long> tokenMap(Map<EpisodeKind, Long> tokens) {
        Map<String, Long> map = new LinkedHashMap<>();
        tokens.forEach((k, v) -> map.put(k.name(), v));
        return map;
    }

    static Map<String, Object> readJson(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(file.toFile(), Map.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void writeJson(Path file, Object value) {
        try {
            Files.writeString(file, JSON.writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }

    /** Deletes {@code folder} and everything under it; nothing when it does not exist. */
    public static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
