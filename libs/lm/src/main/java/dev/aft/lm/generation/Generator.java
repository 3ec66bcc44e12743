package dev.aft.lm.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.aft.lm.generation.Generation.FinishReason;
import dev.aft.lm.model.KeyValueCache;
import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples continuations with a key/value cache, many requests at once: prompts are left-padded into one
 * batch (a prefix common to all of them is read once and shared), then each step reads one new token per
 * unfinished row. Finished rows leave the batch. Sampling happens in Java per row with the row's own seeded
 * random stream, so a request's tokens depend only on its prompt, settings and seed.
 */
public final class Generator {

    /** Most alternatives reported per generated token. */
    public static final int MAX_TOP_LOGPROBS = 20;

    private final LlamaModel model;
    private final Tokenizer tokenizer;
    private final List<Integer> endOfSequence;
    private final int maxBatchSize;

    /**
     * @param tokenizer     turns tokens into text and finds stop strings; null when only ids are wanted
     *                      (then stop strings are refused)
     * @param endOfSequence token ids that end a continuation (not part of its text)
     */
    public Generator(LlamaModel model, Tokenizer tokenizer, List<Integer> endOfSequence, int maxBatchSize) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        this.model = model;
        this.tokenizer = tokenizer;
        this.endOfSequence = List.copyOf(endOfSequence);
        this.maxBatchSize = maxBatchSize;
    }

    /** One generation per request, in input order. */
    public List<Generation> generate(List<GenerationRequest> requests) {
        int vocab = model.config().vocabSize();
        int context = model.config().maxPositionEmbeddings();
        for (int i = 0; i < requests.size(); i++) {
            GenerationRequest request = requests.get(i);
            for (int token : request.prompt()) {
                if (token < 0 || token >= vocab) {
                    throw new IllegalArgumentException("Request " + i + " holds token id " + token
                            + " outside the vocabulary 0.." + (vocab - 1));
                }
            }
            if (request.prompt().length > context) {
                throw new IllegalArgumentException("Request " + i + " has a prompt of " + request.prompt().length
                        + " tokens; the model's context is " + context);
            }
            if (!request.stop().isEmpty() && tokenizer == null) {
                throw new IllegalArgumentException("Stop strings need a tokenizer");
            }
            if (request.topLogprobs() > Math.min(MAX_TOP_LOGPROBS, vocab)) {
                throw new IllegalArgumentException("topLogprobs must be at most " + Math.min(MAX_TOP_LOGPROBS, vocab)
                        + ", got " + request.topLogprobs());
            }
        }
        Generation[] results = new Generation[requests.size()];
        for (int from = 0; from < requests.size(); from += maxBatchSize) {
            int to = Math.min(requests.size(), from + maxBatchSize);
            generateBatch(requests.subList(from, to), from, results);
        }
        return List.of(results);
    }

    /** One row of a generation batch. */
    private final class Row {
        final int index;
        final GenerationRequest request;
        final SplittableRandom random;
        final List<Integer> tokens = new ArrayList<>();
        final List<Float> logprobs = new ArrayList<>();
        final List<int[]> topIds = new ArrayList<>();
        final List<float[]> topValues = new ArrayList<>();
        int position;
        String text;
        FinishReason reason;

        Row(int index, GenerationRequest request) {
            this.index = index;
            this.request = request;
            this.random = new SplittableRandom(request.seed());
            this.position = request.prompt().length;
        }

        /** Takes the next token from this row's logits; true when the row is finished. */
        boolean accept(float[] logits, int offset) {
            int vocab = model.config().vocabSize();
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                max = Math.max(max, logits[offset + v]);
            }
            double sum = 0;
            for (int v = 0; v < vocab; v++) {
                sum += Math.exp(logits[offset + v] - max);
            }
            double logNormalizer = max + Math.log(sum);
            int token = sample(logits, offset, vocab);
            if (endOfSequence.contains(token)) {
                reason = FinishReason.STOP;
                return true;
            }
            tokens.add(token);
            logprobs.add((float) (logits[offset + token] - logNormalizer));
            if (request.topLogprobs() > 0) {
                int[] best = best(logits, offset, vocab, request.topLogprobs());
                float[] values = new float[best.length];
                for (int k = 0; k < best.length; k++) {
                    values[k] = (float) (logits[offset + best[k]] - logNormalizer);
                }
                topIds.add(best);
                topValues.add(values);
            }
            position++;
            if (!request.stop().isEmpty()) {
                String sofar = tokenizer.continuationText(request.prompt(), ids());
                int cut = -1;
                for (String stop : request.stop()) {
                    int at = sofar.indexOf(stop);
                    if (at >= 0 && (cut < 0 || at < cut)) {
                        cut = at;
                    }
                }
                if (cut >= 0) {
                    text = sofar.substring(0, cut);
                    reason = FinishReason.STOP;
                    return true;
                }
            }
            if (tokens.size() >= request.maxTokens() || position >= model.config().maxPositionEmbeddings()) {
                reason = FinishReason.LENGTH;
                return true;
            }
            return false;
        }

        private int sample(float[] logits, int offset, int vocab) {
            if (request.temperature() == 0) {
                return best(logits, offset, vocab, 1)[0];
            }
            double[] probabilities = new double[vocab];
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                max = Math.max(max, logits[offset + v] / request.temperature());
            }
            double total = 0;
            for (int v = 0; v < vocab; v++) {
                probabilities[v] = Math.exp(logits[offset + v] / request.temperature() - max);
                total += probabilities[v];
            }
            if (request.topP() >= 1) {
                double target = random.nextDouble() * total;
                double cumulative = 0;
                for (int v = 0; v < vocab; v++) {
                    cumulative += probabilities[v];
                    if (target < cumulative) {
                        return v;
                    }
                }
                return vocab - 1;
            }
            // Most probable first (ties: lower id first), packed as sortable longs.
            long[] order = new long[vocab];
            for (int v = 0; v < vocab; v++) {
                int bits = Float.floatToIntBits((float) (probabilities[v] / total));
                order[v] = ((long) (Integer.MAX_VALUE - bits) << 32) | v;
            }
            Arrays.sort(order);
            double keep = request.topP() * total;
            double mass = 0;
            int kept = 0;
            while (kept < vocab && (kept == 0 || mass < keep)) {
                mass += probabilities[(int) order[kept]];
                kept++;
            }
            double target = random.nextDouble() * mass;
            double cumulative = 0;
            for (int i = 0; i < kept; i++) {
                cumulative += probabilities[(int) order[i]];
                if (target < cumulative) {
                    return (int) order[i];
                }
            }
            return (int) order[kept - 1];
        }

        int[] ids() {
            return tokens.stream().mapToInt(Integer::intValue).toArray();
        }

        Generation result() {
            int[] ids = ids();
            String finalText = text != null ? text
                    : tokenizer == null ? "" : tokenizer.continuationText(request.prompt(), ids);
            float[] values = new float[logprobs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = logprobs.get(i);
            }
            return new Generation(ids, finalText, reason, values,
                    request.topLogprobs() > 0 ? topIds.toArray(int[][]::new) : null,
                    request.topLogprobs() > 0 ? topValues.toArray(float[][]::new) : null);
        }
    }

    /** The {@code k} highest logits, best first (ties: lower id first); k is small, so k linear passes. */
    private static int[] best(float[] logits, int offset, int vocab, int k) {
        int[] best = new int[k];
        for (int i = 0; i < k; i++) {
            int pick = -1;
            for (int v = 0; v < vocab; v++) {
                boolean taken = false;
                for (int j = 0; j < i; j++) {
                    taken |= best[j] == v;
                }
                if (!taken && (pick < 0 || logits[offset + v] > logits[offset + pick])) {
                    pick = v;
                }
            }
            best[i] = pick;
        }
        return best;
    }

    private void generateBatch(List<GenerationRequest> requests, int firstIndex, Generation[] results) {
        List<Row> active = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Row row = new Row(firstIndex + i, requests.get(i));
            if (row.request.maxTokens() == 0 || row.position >= model.config().maxPositionEmbeddings()) {
                row.reason = FinishReason.LENGTH;
                results[row.index] = row.result();
            } else {
                active.add(row);
            }
        }
        if (active.isEmpty()) {
            return;
        }
        int common = commonPrefix(active);
        int vocab = model.config().vocabSize();
        KeyValueCache shared = null;
        KeyValueCache cache = null;
        try {
            if (common > 0) {
                shared = model.newCache(1);
                try (NDManager scope = NDManager.newBaseManager()) {
                    long[][] ids = {toLongs(active.get(0).request.prompt(), 0, common)};
                    model.extend(scope.create(ids), shared, null);
                }
                cache = shared.continuedBy(active.size());
            } else {
                cache = model.newCache(active.size());
            }
            int longest = active.stream().mapToInt(r -> r.request.prompt().length - common).max().orElseThrow();
            long[][] ids = new long[active.size()][longest];
            boolean[][] valid = new boolean[active.size()][longest];
            boolean padded = false;
            for (int r = 0; r < active.size(); r++) {
                int[] prompt = active.get(r).request.prompt();
                int pad = longest - (prompt.length - common);
                padded |= pad > 0;
                for (int i = 0; i < longest; i++) {
                    valid[r][i] = i >= pad;
                    ids[r][i] = i >= pad ? prompt[common + i - pad] : 0;
                }
            }
            float[] logits;
            try (NDManager scope = NDManager.newBaseManager()) {
                NDArray all = model.extend(scope.create(ids), cache, padded ? valid : null);
                logits = all.get(":, -1, :").toFloatArray();
            }
            while (!active.isEmpty()) {
                List<Row> next = new ArrayList<>();
                List<Integer> kept = new ArrayList<>();
                for (int r = 0; r < active.size(); r++) {
                    Row row = active.get(r);
                    if (row.accept(logits, r * vocab)) {
                        results[row.index] = row.result();
                    } else {
                        next.add(row);
                        kept.add(r);
                    }
                }
                if (next.isEmpty()) {
                    break;
                }
                if (next.size() < active.size()) {
                    cache = cache.retainRows(kept.stream().mapToInt(Integer::intValue).toArray());
                }
                active = next;
                long[][] step = new long[active.size()][1];
                for (int r = 0; r < active.size(); r++) {
                    List<Integer> tokens = active.get(r).tokens;
                    step[r][0] = tokens.get(tokens.size() - 1);
                }
                try (NDManager scope = NDManager.newBaseManager()) {
                    logits = model.extend(scope.create(step), cache, null).toFloatArray();
                }
            }
        } finally {
            if (cache != null) {
                cache.close();
            }
            if (shared != null) {
                shared.close();
            }
        }
    }

    /** Tokens all prompts share, leaving every prompt at least one token of its own. */
    private static int commonPrefix(List<Row> rows) {
        int[] first = rows.get(0).request.prompt();
        int common = first.length - 1;
        for (Row row : rows) {
            int[] prompt = row.request.prompt();
            int mismatch = Arrays.mismatch(first, prompt);
            common = Math.min(common, mismatch < 0 ? first.length : mismatch);
            common = Math.min(common, prompt.length - 1);
        }
        return Math.max(common, 0);
    }

    private static long[] toLongs(int[] values, int from, int to) {
        long[] longs = new long[to - from];
        for (int i = from; i < to; i++) {
            longs[i - from] = values[i];
        }
        return longs;
    }
}
