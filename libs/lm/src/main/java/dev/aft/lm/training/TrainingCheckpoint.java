package dev.aft.lm.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.checkpoint.Safetensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A resumable snapshot of a run in its work folder: {@code checkpoint-<step>/} with {@code state.json}, the
 * trainable weights ({@code weights.safetensors}) and the AdamW moments ({@code optimizer.safetensors}).
 * A checkpoint is written into a temporary folder and renamed into place, so a crash never leaves a partial
 * one; older checkpoints are deleted once the new one is in place.
 */
final class TrainingCheckpoint {

    private static final String PREFIX = "checkpoint-";
    private static final String TEMPORARY_PREFIX = ".partial-checkpoint-";
    private static final String STATE = "state.json";
    private static final String WEIGHTS = "weights.safetensors";
    private static final String OPTIMIZER = "optimizer.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingCheckpoint() {
    }

    /**
     * Where a run stood.
     *
     * @param fingerprint digest of the base model, the data and the training options
     * @param options     the training options in words ({@link TrainingOptions#describeTraining()})
     * @param step        optimizer steps done
     * @param tokens      sequence tokens trained on
     * @param loss        loss of the last step
     */
    record State(int format, String fingerprint, String options, int step, long tokens, double loss) {
        static final int FORMAT = 1;
    }

    /** A checkpoint's state and tensors. */
    record Contents(State state, Map<String, FloatTensor> weights, Map<String, FloatTensor> optimizer) {
    }

    /** The newest complete checkpoint in {@code workDir}; partial ones a crash left behind are deleted. */
    static Optional<Path> latest(Path workDir) {
        if (!Files.isDirectory(workDir)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(workDir)) {
            List<Path> all = entries.toList();
            for (Path entry : all) {
                if (entry.getFileName().toString().startsWith(TEMPORARY_PREFIX)) {
                    deleteRecursively(entry);
                }
            }
            return all.stream()
                    .filter(path -> path.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(path)
                            && stepOf(path) >= 0)
                    .max(Comparator.comparingInt(TrainingCheckpoint::stepOf));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list work folder " + workDir, e);
        }
    }

    static State readState(Path checkpoint) {
        try {
            return JSON.readValue(checkpoint.resolve(STATE).toFile(), State.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read checkpoint state " + checkpoint.resolve(STATE), e);
        }
    }

    static Contents read(Path checkpoint) {
        return new Contents(readState(checkpoint), Safetensors.read(checkpoint.resolve(WEIGHTS)).tensors(),
                Safetensors.read(checkpoint.resolve(OPTIMIZER)).tensors());
    }

    /** Writes a checkpoint atomically and deletes the older ones; returns its folder. */
    static Path write(Path workDir, Contents contents) {
        String name = String.format("%s%09d", PREFIX, contents.state().step());
        Path target = workDir.resolve(name);
        Path temporary = workDir.resolve(TEMPORARY_PREFIX + name);
        try {
            Files.createDirectories(workDir);
            deleteRecursively(temporary);
            Files.createDirectories(temporary);
            Safetensors.write(temporary.resolve(WEIGHTS), contents.weights(), Map.of("format", "pt"));
            Safetensors.write(temporary.resolve(OPTIMIZER), contents.optimizer(), Map.of("format", "pt"));
            JSON.writeValue(temporary.resolve(STATE).toFile(), contents.state());
            deleteRecursively(target);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            try (Stream<Path> entries = Files.list(workDir)) {
                for (Path entry : entries.toList()) {
                    String file = entry.getFileName().toString();
                    if (file.startsWith(PREFIX) && !file.equals(name)) {
                        deleteRecursively(entry);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write checkpoint " + target, e);
        }
    }

    private static int stepOf(Path checkpoint) {
        try {
            return Integer.parseInt(checkpoint.getFileName().toString().substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}
