package dev.aft.lm.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.generation.Generation;
import dev.aft.lm.generation.GenerationRequest;
import dev.aft.lm.generation.Generator;
import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.scoring.PromptScorer;
import dev.aft.lm.scoring.TokenScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times scoring, KV-cached generation and prefix-cached in-context scoring on a ~4M-parameter Llama
 * (hidden 256, MLP 688, 4 layers, 4 heads, vocabulary 2,000) with random weights: speed does not depend on
 * what the weights say. Run with {@code libs/lm/benchmark-inference.sh}.
 */
public final class InferenceBenchmark {

    private InferenceBenchmark() {
    }

    public static LlamaConfig fourMillionParameters(int context) {
        return LlamaConfig.of(256, 688, 4, 4, 4, 2000, context, true);
    }

    public static void main(String[] args) {
        LlamaConfig config = fourMillionParameters(2048);
        try (LlamaModel model = LlamaModel.randomlyInitialized(config, 1, 0.02)) {
            long parameters = model.parameters().values().stream().mapToLong(a -> a.size()).sum();
            System.out.printf("model: %,d parameters, %d layers, hidden %d, vocab %d; torch threads: %s%n",
                    parameters, config.numHiddenLayers(), config.hiddenSize(), config.vocabSize(),
                    System.getProperty("ai.djl.pytorch.num_threads", "default"));
            scoring(model);
            matrixProducts(config);
            generation(model);
            prefixCache(model);
        }
    }

    private static void scoring(LlamaModel model) {
        Random random = new Random(2);
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            sequences.add(random.ints(128, 0, 2000).toArray());
        }
        try (PromptScorer scorer = new PromptScorer(model, 16, 0, 0)) {
            // Warm up until the JIT is done: while it compiles, on the second of two cores, the first passes run
            // ~15% slower than a serving process that has been up for a while.
            for (int pass = 0; pass < 6; pass++) {
                scorer.score(sequences, 0);
            }
            int passes = 5;
            double[] rates = new double[passes];
            for (int pass = 0; pass < passes; pass++) {
                long start = System.nanoTime();
                scorer.score(sequences, 0);
                rates[pass] = 128 * 128 / ((System.nanoTime() - start) / 1e9);
            }
            java.util.Arrays.sort(rates);
            System.out.printf("scoring, batch 16 x 128 tokens: %,.0f tokens/s, median of %d passes of %d sequences "
                    + "after 6 warm-up passes (%,.0f-%,.0f)%n", rates[passes / 2], passes, sequences.size(), rates[0],
                    rates[passes - 1]);
        }
    }

    /**
     * The ceiling for scoring: the weight matrix products of one batch of 16 x 128 tokens alone (no attention,
     * normalization, activation or log-softmax), on random inputs of the model's shapes.
     */
    private static void matrixProducts(LlamaConfig config) {
        int tokens = 16 * 128;
        int hidden = config.hiddenSize();
        int mlp = config.intermediateSize();
        int vocab = config.vocabSize();
        int keyValue = config.numKeyValueHeads() * config.headDim();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.randomNormal(new Shape(tokens, hidden));
            NDArray wide = manager.randomNormal(new Shape(tokens, mlp));
            NDArray square = manager.randomNormal(new Shape(hidden, hidden));
            NDArray keyValueProjection = manager.randomNormal(new Shape(hidden, keyValue));
            NDArray up = manager.randomNormal(new Shape(hidden, mlp));
            NDArray down = manager.randomNormal(new Shape(mlp, hidden));
            NDArray head = manager.randomNormal(new Shape(hidden, vocab));
            Runnable batch = () -> {
                for (int layer = 0; layer < config.numHiddenLayers(); layer++) {
                    input.matMul(square).close(); // q
                    input.matMul(keyValueProjection).close(); // k
                    input.matMul(keyValueProjection).close(); // v
                    input.matMul(square).close(); // o
                    input.matMul(up).close(); // gate
                    input.matMul(up).close(); // up
                    wide.matMul(down).close(); // down
                }
                input.matMul(head).close();
            };
            batch.run();
            int batches = 8;
            long start = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                batch.run();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double flops = 2.0 * tokens * batches * ((long) config.numHiddenLayers()
                    * (2L * hidden * hidden + 2L * hidden * keyValue + 3L * hidden * mlp) + (long) hidden * vocab);
            System.out.printf("matrix products alone (the ceiling for scoring): %,.0f tokens/s, %.0f GFLOP/s%n",
                    tokens * batches / seconds, flops / seconds / 1e9);
        }
    }

    private static void generation(LlamaModel model) {
        Random random = new Random(3);
        Generator generator = new Generator(model, null, List.of(), 16);
        int tokens = 128;
        for (int warmup = 0; warmup < 3; warmup++) {
            generator.generate(List.of(GenerationRequest.greedy(random.ints(16, 0, 2000).toArray(), 64)));
        }
        long start = System.nanoTime();
        Generation one = generator.generate(List.of(GenerationRequest.greedy(random.ints(16, 0, 2000).toArray(),
                tokens))).get(0);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("generation, 1 stream: %,.0f tokens/s (%d tokens after a 16-token prompt in %.2f s)%n",
                one.tokens().length / seconds, one.tokens().length, seconds);
        List<GenerationRequest> streams = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            streams.add(new GenerationRequest(random.ints(8 + random.nextInt(16), 0, 2000).toArray(), tokens, 1.0,
                    1.0, i, List.of(), 0));
        }
        start = System.nanoTime();
        int total = generator.generate(streams).stream().mapToInt(g -> g.tokens().length).sum();
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("generation, 16 streams: %,.0f tokens/s (%d tokens in %.2f s)%n", total / seconds, total,
                seconds);
    }

    private static void prefixCache(LlamaModel model) {
        Random random = new Random(4);
        int[] documents = random.ints(1000, 0, 2000).toArray();
        List<int[]> prompts = new ArrayList<>();
        for (int q = 0; q < 100; q++) {
            int[] question = random.ints(8, 0, 2000).toArray();
            for (int o = 0; o < 2; o++) {
                int[] option = random.ints(2 + random.nextInt(2), 0, 2000).toArray();
                int[] prompt = new int[documents.length + question.length + option.length];
                System.arraycopy(documents, 0, prompt, 0, documents.length);
                System.arraycopy(question, 0, prompt, documents.length, question.length);
                System.arraycopy(option, 0, prompt, documents.length + question.length, option.length);
                prompts.add(prompt);
            }
        }
        long start = System.nanoTime();
        List<TokenScores> plain;
        try (PromptScorer uncached = new PromptScorer(model, 16, 0, 0)) {
            plain = uncached.score(prompts, 0);
        }
        double plainSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        List<TokenScores> cached = new ArrayList<>();
        PromptScorer.Statistics statistics;
        try (PromptScorer scorer = new PromptScorer(model, 16, 32, 512L << 20)) {
            // One request per question, as an evaluation client sends them.
            for (int q = 0; q < 100; q++) {
                cached.addAll(scorer.score(prompts.subList(2 * q, 2 * q + 2), 0));
            }
            statistics = scorer.statistics();
        }
        double cachedSeconds = (System.nanoTime() - start) / 1e9;
        double maxDifference = 0;
        for (int i = 0; i < prompts.size(); i++) {
            for (int j = 1; j < prompts.get(i).length; j++) {
                maxDifference = Math.max(maxDifference,
                        Math.abs(plain.get(i).logprobs()[j] - cached.get(i).logprobs()[j]));
            }
        }
        System.out.printf("in-context scoring, 100 questions x 2 options after one 1,000-token prefix: "
                + "%.2f s without the prefix cache, %.2f s with it: %.1fx faster; max |difference| %.2e; "
                + "%,d tokens computed, %,d reused%n", plainSeconds, cachedSeconds, plainSeconds / cachedSeconds,
                maxDifference, statistics.tokensComputed(), statistics.tokensReused());
    }
}
