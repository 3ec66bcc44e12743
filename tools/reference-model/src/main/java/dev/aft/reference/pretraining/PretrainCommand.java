package dev.aft.reference.pretraining;

import dev.aft.lm.training.TrainingCancelledException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code tools/reference-model/pretrain.sh}: pretrains (or resumes pretraining) the reference model. Ctrl-C or
 * SIGTERM stops it after the current step with a checkpoint (a hard kill loses the steps since the last one);
 * running the same command again resumes.
 */
public final class PretrainCommand {

    private PretrainCommand() {
    }

    public static void main(String[] args) {
        PretrainOptions options;
        try {
            options = PretrainOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                // Let the training thread finish its step and write the checkpoint before the JVM goes away.
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pretraining-stop"));
        System.out.println("pretraining " + options.describeRun() + " into " + options.out() + " (work folder "
                + options.work() + ")");
        try {
            new Pretraining(options, options.stageList(), System.out, stopping::get).run();
        } catch (TrainingCancelledException e) {
            System.out.println("stopped: " + e.getMessage() + " (checkpointed); run the same command to resume");
        } finally {
            finished.countDown();
        }
    }
}
