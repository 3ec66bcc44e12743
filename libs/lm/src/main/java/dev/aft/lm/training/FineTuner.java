package dev.aft.lm.training;

import dev.aft.lm.checkpoint.CheckpointException;
import dev.aft.lm.checkpoint.LlamaCheckpoint;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.model.LlamaModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Fine-tunes a Llama checkpoint folder on token sequences, fully or with LoRA adapters, with AdamW, a
 * warm-up learning-rate schedule and gradient clipping; checkpoints into a work folder and resumes from it.
 *
 * <p>A run is a pure function of the base model, the examples and the options: the batch of every step
 * depends only on (seed, step), and a checkpoint holds the trainable weights, the AdamW moments and the step,
 * so an interrupted run resumed from its work folder ends with the same weights as an uninterrupted one.
 */
public final class FineTuner {

    /** Files copied from the base model folder into the output, when present. */
    static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "generation_config.json", "special_tokens_map.json");

    private FineTuner() {
    }

    /**
     * Trains and writes {@code outputFolder}: a Hugging Face model folder (full fine-tuning) or a PEFT adapter
     * folder naming the base folder's name as its base model (LoRA).
     *
     * @param workDir   checkpoints; a checkpoint of an interrupted run with the same base model, examples and
     *                  options is resumed, one of a different run is refused
     * @param listener  told about every step and checkpoint
     * @param cancelled polled before every step; when true, training checkpoints and throws
     *                  {@link TrainingCancelledException}
     * @throws IllegalArgumentException an example is too long for the model, holds an unknown token or nothing
     *                                  to learn
     * @throws IllegalStateException    {@code workDir} holds a checkpoint of a different run
     */
    public static TrainingResult train(Path baseModelFolder, List<TrainingExample> examples, TrainingOptions options,
            Path workDir, Path outputFolder, TrainingListener listener, BooleanSupplier cancelled) {
        return train(baseModelFolder, examples, options, workDir, outputFolder, listener, cancelled,
                baseModelFolder.toAbsolutePath().normalize().getFileName().toString());
    }

    /**
     * As {@link #train(Path, List, TrainingOptions, Path, Path, TrainingListener, BooleanSupplier)}, with the
     * {@code base_model_name_or_path} a LoRA adapter folder names (for example the base model's id on a
     * server).
     */
    public static TrainingResult train(Path baseModelFolder, List<TrainingExample> examples, TrainingOptions options,
            Path workDir, Path outputFolder, TrainingListener listener, BooleanSupplier cancelled,
            String baseModelName) {
        Objects.requireNonNull(baseModelFolder, "baseModelFolder");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(outputFolder, "outputFolder");
        listener = listener == null ? TrainingListener.NONE : listener;
        cancelled = cancelled == null ? () -> false : cancelled;
        LlamaConfig config = LlamaConfig.read(baseModelFolder.resolve(LlamaConfig.FILE_NAME));
        TrainingBatches batches = new TrainingBatches(examples, options, config);
        String fingerprint = fingerprint(baseModelFolder, batches, options);
        Optional<TrainingCheckpoint.Contents> resumeFrom = resumable(workDir, fingerprint, options);
        boolean recording = GradientRecording.set(false);
        try (LlamaModel model = LlamaModel.load(baseModelFolder);
                TrainingRun run = new TrainingRun(model, options, batches)) {
            resumeFrom.ifPresent(run::restore);
            int total = options.totalSteps(batches.size());
            long started = System.nanoTime();
            long tokensAtStart = run.tokens();
            int lastCheckpoint = run.step();
            while (run.step() < total) {
                if (cancelled.getAsBoolean()) {
                    if (run.step() > lastCheckpoint) {
                        checkpoint(workDir, run, fingerprint, options, listener);
                    }
                    throw new TrainingCancelledException(run.step(), total);
                }
                double learningRate = options.learningRateAt(run.step(), total);
                double loss = run.step(learningRate);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("Training diverged: the loss of step " + (run.step() + 1) + " is " + loss
                            + "; try a lower learning rate (" + options.learningRate() + ") or gradient clipping");
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
                listener.onStep(new TrainingProgress(run.step(), total, loss, learningRate, run.tokens(),
                        (run.tokens() - tokensAtStart) / seconds, elapsed));
                if (options.checkpointEvery() > 0 && run.step() % options.checkpointEvery() == 0) {
                    checkpoint(workDir, run, fingerprint, options, listener);
                    lastCheckpoint = run.step();
                }
            }
            run.finish();
            writeOutput(baseModelFolder, outputFolder, model, run, options, baseModelName);
            return new TrainingResult(outputFolder, run.step(), run.loss(), run.tokens(),
                    Duration.ofNanos(System.nanoTime() - started), resumeFrom.isPresent());
        } finally {
            GradientRecording.set(recording);
        }
    }

    private static Optional<TrainingCheckpoint.Contents> resumable(Path workDir, String fingerprint,
            TrainingOptions options) {
        Optional<Path> latest = TrainingCheckpoint.latest(workDir);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        TrainingCheckpoint.State state = TrainingCheckpoint.readState(latest.get());
        if (state.format() != TrainingCheckpoint.State.FORMAT || !state.fingerprint().equals(fingerprint)) {
            String requested = options.describeTraining();
            String why = state.options().equals(requested)
                    ? "the base model or the training examples differ"
                    : "the options differ: checkpoint [" + state.options() + "], requested [" + requested + "]";
            throw new IllegalStateException("Work folder " + workDir + " holds a checkpoint (" + latest.get()
                    .getFileName() + ") of a different training run: " + why
                    + ". Use a fresh work folder or delete this one.");
        }
        return Optional.of(TrainingCheckpoint.read(latest.get()));
    }

    private static void checkpoint(Path workDir, TrainingRun run, String fingerprint, TrainingOptions options,
            TrainingListener listener) {
        TrainingCheckpoint.State state = new TrainingCheckpoint.State(TrainingCheckpoint.State.FORMAT, fingerprint,
                options.describeTraining(), run.step(), run.tokens(), run.loss());
        TrainingCheckpoint.write(workDir, new TrainingCheckpoint.Contents(state, run.weights().snapshot(),
                run.optimizer().state()));
        listener.onCheckpoint(run.step());
    }

    private static void writeOutput(Path baseFolder, Path outputFolder, LlamaModel model, TrainingRun run,
            TrainingOptions options, String baseModelName) {
        if (options.method() == TrainingOptions.Method.LORA) {
            run.weights().adapters(baseModelName, options).write(outputFolder);
        } else {
            model.save(outputFolder);
        }
        for (String file : TOKENIZER_FILES) {
            Path source = baseFolder.resolve(file);
            if (Files.isRegularFile(source)) {
                try {
                    Files.copy(source, outputFolder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new CheckpointException("Cannot copy " + source + " to " + outputFolder + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }

    /** SHA-256 of the base model files, the examples and the options that decide the result. */
    private static String fingerprint(Path baseFolder, TrainingBatches batches, TrainingOptions options) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String file : List.of(LlamaConfig.FILE_NAME, LlamaCheckpoint.WEIGHTS_FILE)) {
            try (InputStream in = Files.newInputStream(baseFolder.resolve(file))) {
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + baseFolder.resolve(file), e);
            }
        }
        batches.digest(digest);
        digest.update(options.describeTraining().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }
}
