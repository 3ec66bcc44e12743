package dev.aft.reference.pretraining;

import dev.aft.reference.curriculum.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code pretrain.sh} is asked to do. Every setting has a default sized to finish in about three hours on
 * the two-core development machine; {@link #parse} reads {@code --name value} pairs.
 *
 * @param out             the finished model folder
 * @param work            checkpoints, stage outputs and the log; rerunning with the same options resumes here
 * @param seed            initial weights, curriculum worlds and data order
 * @param tokens          curriculum tokens over all stages (padding not counted)
 * @param layers          decoder layers
 * @param hidden          width of the residual stream
 * @param heads           query heads
 * @param kvHeads         key/value heads (grouped-query attention when fewer than heads)
 * @param intermediate    SwiGLU width
 * @param context         max_position_embeddings
 * @param vocab           vocabulary size (ids)
 * @param learningRate    peak learning rate of every stage
 * @param weightDecay     AdamW decoupled weight decay
 * @param checkpointEvery optimizer steps between checkpoints
 * @param logEvery        optimizer steps between log lines
 * @param stages          a JSON file with the curriculum's stages ({@link Stage} fields, {@code mix} an object),
 *                        or null for {@link Stage#defaults()}
 * @param init            a model folder to start from instead of a fresh initialization (a finished run's
 *                        {@code --out}), or null; its shape must be the one the options describe
 * @param keepLearningRate the last stage keeps the peak learning rate instead of decaying it along a cosine: for
 *                        a run that another run continues ({@code --init})
 */
public record PretrainOptions(Path out, Path work, long seed, long tokens, int layers, int hidden, int heads,
        int kvHeads, int intermediate, int context, int vocab, double learningRate, double weightDecay,
        int checkpointEvery, int logEvery, Path stages, Path init, boolean keepLearningRate) {

    public static final long DEFAULT_TOKENS = 9_000_000L;

    public PretrainOptions {
        if (tokens < 1000) {
            throw new IllegalArgumentException("--tokens must be at least 1000, was " + tokens);
        }
        if (layers < 1 || hidden < 8 || heads < 1 || kvHeads < 1 || intermediate < 1 || context < 128
                || vocab < 512 || checkpointEvery < 1 || logEvery < 1) {
            throw new IllegalArgumentException("Model sizes and intervals must be positive (context >= 128, vocab >= 512)");
        }
        if (hidden % heads != 0 || heads % kvHeads != 0 || (hidden / heads) % 2 != 0) {
            throw new IllegalArgumentException("--hidden must be a multiple of --heads with an even head width, and"
                    + " --heads a multiple of --kv-heads; got hidden " + hidden + ", heads " + heads + ", kv-heads "
                    + kvHeads);
        }
        if (!(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("--lr must be > 0 and --weight-decay >= 0");
        }
    }

    public static PretrainOptions defaults() {
        return new PretrainOptions(Path.of("models/aft-reference"), Path.of(".aft/pretrain"), 1, DEFAULT_TOKENS, 4,
                256, 8, 4, 576, 1024, 8192, 1e-3, 0.1, 40, 10, null, null, false);
    }

    /** Reads {@code --out DIR --work DIR --seed N --tokens N --layers N --hidden N --heads N --kv-heads N ...}. */
    public static PretrainOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean keepLearningRate = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--keep-lr")) {
                keepLearningRate = true;
                continue;
            }
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got '" + name + "'. " + usage());
            }
            values.put(name.substring(2), args[++i]);
        }
        PretrainOptions d = defaults();
        int heads = Integer.parseInt(values.getOrDefault("heads", Integer.toString(d.heads())));
        // Without --kv-heads: half as many key/value heads as query heads (grouped-query), when that divides.
        int kvHeads = values.containsKey("kv-heads") ? Integer.parseInt(values.get("kv-heads"))
                : heads % 2 == 0 ? heads / 2 : heads;
        List<String> known = List.of("out", "work", "seed", "tokens", "layers", "hidden", "heads", "kv-heads",
                "intermediate", "context", "vocab", "lr", "weight-decay", "checkpoint-every", "log-every", "stages", "init");
        List<String> unknown = new ArrayList<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown + ". " + usage());
        }
        return new PretrainOptions(
                Path.of(values.getOrDefault("out", d.out().toString())),
                Path.of(values.getOrDefault("work", d.work().toString())),
                Long.parseLong(values.getOrDefault("seed", Long.toString(d.seed()))),
                parseCount(values.getOrDefault("tokens", Long.toString(d.tokens()))),
                Integer.parseInt(values.getOrDefault("layers", Integer.toString(d.layers()))),
                Integer.parseInt(values.getOrDefault("hidden", Integer.toString(d.hidden()))),
                heads,
                kvHeads,
                Integer.parseInt(values.getOrDefault("intermediate", Integer.toString(d.intermediate()))),
                Integer.parseInt(values.getOrDefault("context", Integer.toString(d.context()))),
                Integer.parseInt(values.getOrDefault("vocab", Integer.toString(d.vocab()))),
                Double.parseDouble(values.getOrDefault("lr", Double.toString(d.learningRate()))),
                Double.parseDouble(values.getOrDefault("weight-decay", Double.toString(d.weightDecay()))),
                Integer.parseInt(values.getOrDefault("checkpoint-every", Integer.toString(d.checkpointEvery()))),
                Integer.parseInt(values.getOrDefault("log-every", Integer.toString(d.logEvery()))),
                values.containsKey("stages") ? Path.of(values.get("stages")) : null,
                values.containsKey("init") ? Path.of(values.get("init")) : null,
                keepLearningRate);
    }

    /** "16M", "500k" or a plain number. */
    static long parseCount(String text) {
        String t = text.trim().toLowerCase();
        long scale = 1;
        if (t.endsWith("m")) {
            scale = 1_000_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("k")) {
            scale = 1_000;
            t = t.substring(0, t.length() - 1);
        }
        return Math.round(Double.parseDouble(t) * scale);
    }

    static String usage() {
        return "Usage: pretrain.sh [--out models/aft-reference] [--work .aft/pretrain] [--seed 1] [--tokens 9M]"
                + " [--layers 4] [--hidden 256] [--heads 8] [--kv-heads heads/2] [--intermediate 576] [--context 1024]"
                + " [--vocab 8192] [--lr 1e-3] [--weight-decay 0.1] [--checkpoint-every 40] [--log-every 10]"
                + " [--stages stages.json] [--init MODEL_FOLDER] [--keep-lr]";
    }

    /** The settings that decide the trained weights, as text (a work folder holds one run's). */
    String describeRun() {
        return "seed=" + seed + ", tokens=" + tokens + ", layers=" + layers + ", hidden=" + hidden + ", heads=" + heads
                + ", kvHeads=" + kvHeads + ", intermediate=" + intermediate + ", context=" + context + ", vocab="
                + vocab + ", lr=" + learningRate + ", weightDecay=" + weightDecay
                + (stages == null ? "" : ", stages=" + Stages.describe(stageList()))
                + (init == null ? "" : ", init=" + ModelFolder.fingerprint(init))
                + (keepLearningRate ? ", keepLr=true" : "");
    }

    /** The curriculum's stages: those of the {@code --stages} file, or the defaults. */
    public List<Stage> stageList() {
        return stages == null ? Stage.defaults() : Stages.read(stages);
    }
}
