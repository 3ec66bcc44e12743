package dev.aft.reference.pretraining;

import dev.aft.reference.curriculum.Stage;

/** {@code tools/reference-model/pretrain.sh}: pretrains (or resumes pretraining) the reference model. */
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
        System.out.println("pretraining " + options.describeRun() + " into " + options.out() + " (work folder "
                + options.work() + ")");
        new Pretraining(options, Stage.defaults(), System.out).run();
    }
}
