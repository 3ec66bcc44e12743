package dev.aft.reference.pretraining;

import dev.aft.lm.training.TrainingListener;
import dev.aft.lm.training.TrainingProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Logs pretraining to the console and to {@code pretrain.log} in the work folder: one line every few steps with
 * the stage, step, loss, learning rate, tokens, tokens per second and the estimated time left for the whole run,
 * and a line per checkpoint. It also keeps the stage's training time across restarts (up to its last checkpoint)
 * in a clock file.
 */
final class ProgressLog implements TrainingListener {

    private final PrintStream console;
    private final Path logFile;
    private final Path clockFile;
    private final String stage;
    private final int logEvery;
    private final long runTokensBefore;
    private final long runTokenBudget;
    private final double carriedSeconds;
    private TrainingProgress last;

    ProgressLog(PrintStream console, Path logFile, Path clockFile, String stage, int logEvery, long runTokensBefore,
            long runTokenBudget) {
        this.console = console;
        this.logFile = logFile;
        this.clockFile = clockFile;
        this.stage = stage;
        this.logEvery = logEvery;
        this.runTokensBefore = runTokensBefore;
        this.runTokenBudget = runTokenBudget;
        this.carriedSeconds = readClock(clockFile);
    }

    @Override
    public void onStep(TrainingProgress p) {
        last = p;
        if (p.step() % logEvery != 0 && p.step() != p.totalSteps() && p.step() > 3) {
            return;
        }
        long runTokens = runTokensBefore + p.tokens();
        double left = Math.max(0, runTokenBudget - runTokens) / Math.max(1e-9, p.tokensPerSecond());
        line(String.format(Locale.ROOT,
                "%s step %d/%d loss %.4f lr %.2e | stage %s tokens | run %s/%s tokens | %,.0f tokens/s | stage time %s"
                        + " | ETA %s",
                stage, p.step(), p.totalSteps(), p.loss(), p.learningRate(), count(p.tokens()), count(runTokens),
                count(runTokenBudget), p.tokensPerSecond(), clock(stageSeconds()), clock(left)));
    }

    @Override
    public void onCheckpoint(int step) {
        writeClock(stageSeconds());
        line(stage + " checkpoint at step " + step);
    }

    /** Training time of the stage: earlier runs up to their last checkpoint, plus this run so far. */
    double stageSeconds() {
        return carriedSeconds + (last == null ? 0 : last.elapsed().toMillis() / 1000.0);
    }

    void line(String text) {
        String stamped = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + " " + text;
        console.println(stamped);
        try {
            Files.writeString(logFile, stamped + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + logFile, e);
        }
    }

    private void writeClock(double seconds) {
        try {
            Files.writeString(clockFile, Double.toString(seconds));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + clockFile, e);
        }
    }

    private static double readClock(Path file) {
        try {
            return Files.isRegularFile(file) ? Double.parseDouble(Files.readString(file).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static String count(long tokens) {
        if (tokens >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", tokens / 1e6);
        }
        return tokens >= 1_000 ? String.format(Locale.ROOT, "%.1fk", tokens / 1e3) : Long.toString(tokens);
    }

    static String clock(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
