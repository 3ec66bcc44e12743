package dev.aft.lm.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.aft.lm.model.KeyValueCache;
import dev.aft.lm.model.LlamaModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Log-probabilities of every prompt token (and optionally the top alternatives at each position), with an
 * automatic <b>prefix cache</b>: when prompts share a long prefix (hundreds of questions after the same
 * in-context documents, or the options of one question), the prefix's keys and values are computed once,
 * kept in a bounded LRU cache, and every prompt reads only its own remaining tokens.
 *
 * <p>A prefix is cached when a prompt shares at least {@code minSharedPrefix} tokens with another prompt of
 * the same call or with one of the recently scored prompts; cached prefixes nest (a question's prefix
 * extends the documents' prefix). Scores equal those of scoring each prompt whole (to float rounding).
 * Calls are serialized: one scorer serves one model.
 */
public final class PromptScorer implements AutoCloseable {

    private static final int HISTORY = 32;
    /** Cached prefixes keep this many alternatives per position, enough for any request (OpenAI allows 5). */
    private static final int ENTRY_TOP_K = 5;

    private final LlamaModel model;
    private final int maxBatchSize;
    private final int minSharedPrefix;
    private final long cacheBudgetBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Deque<int[]> history = new ArrayDeque<>();
    private long cachedBytes;
    private long tokensComputed;
    private long tokensReused;

    /**
     * @param maxBatchSize     prompts scored together in one forward pass
     * @param minSharedPrefix  shortest shared prefix worth caching, in tokens (0 disables the cache)
     * @param cacheBudgetBytes memory the cached prefixes may hold; least recently used ones go first
     */
    public PromptScorer(LlamaModel model, int maxBatchSize, int minSharedPrefix, long cacheBudgetBytes) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        if (minSharedPrefix < 0 || minSharedPrefix == 1 || cacheBudgetBytes < 0) {
            throw new IllegalArgumentException("minSharedPrefix must be 0 (no cache) or at least 2, and "
                    + "cacheBudgetBytes >= 0; got " + minSharedPrefix + " and " + cacheBudgetBytes);
        }
        this.model = model;
        this.maxBatchSize = maxBatchSize;
        this.minSharedPrefix = minSharedPrefix;
        this.cacheBudgetBytes = cacheBudgetBytes;
    }

    /** What the cache did so far. */
    public record Statistics(int cachedPrefixes, long cachedBytes, long tokensComputed, long tokensReused) {
    }

    public synchronized Statistics statistics() {
        return new Statistics(entries.size(), cachedBytes, tokensComputed, tokensReused);
    }

    /**
     * Scores of every token of every sequence, in input order.
     *
     * @param topLogprobs alternatives to report per position (0 for none)
     */
    public synchronized List<TokenScores> score(List<int[]> sequences, int topLogprobs) {
        if (topLogprobs < 0 || topLogprobs > ENTRY_TOP_K) {
            throw new IllegalArgumentException("topLogprobs must be in 0.." + ENTRY_TOP_K + ", got " + topLogprobs);
        }
        int topK = Math.min(topLogprobs, model.config().vocabSize());
        for (int i = 0; i < sequences.size(); i++) {
            validate(i, sequences.get(i));
        }
        Entry[] assigned = new Entry[sequences.size()];
        for (int i = 0; i < sequences.size(); i++) {
            assigned[i] = prefixFor(sequences, i);
        }
        TokenScores[] results = new TokenScores[sequences.size()];
        Map<Entry, List<Integer>> groups = new IdentityHashMap<>();
        List<Integer> uncached = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            if (assigned[i] == null) {
                uncached.add(i);
            } else {
                groups.computeIfAbsent(assigned[i], e -> new ArrayList<>()).add(i);
            }
        }
        scoreGroup(null, uncached, sequences, topK, results);
        groups.forEach((entry, members) -> scoreGroup(entry, members, sequences, topK, results));
        for (int[] sequence : sequences) {
            history.addLast(sequence);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        evict();
        return List.of(results);
    }

    /**
     * The cached prefix to use for sequence {@code i}: the longest cached one it starts with; a cut of a cached
     * prefix it shares enough tokens with (free: causal attention makes a prefix's keys independent of what
     * follows); or a new one when it shares enough tokens with another prompt of this call or a recent one.
     */
    private Entry prefixFor(List<int[]> sequences, int i) {
        int[] sequence = sequences.get(i);
        Entry best = longestCached(sequence);
        if (minSharedPrefix == 0) {
            return best;
        }
        int have = best == null ? 0 : best.length();
        Entry cut = null;
        int cutLength = 0;
        for (Entry entry : entries.values()) {
            int common = commonPrefix(sequence, entry.tokens);
            if (common > cutLength) {
                cut = entry;
                cutLength = common;
            }
        }
        if (cutLength >= minSharedPrefix && cutLength >= have + minSharedPrefix) {
            best = cut(cut, cutLength);
            have = cutLength;
        }
        int shared = 0;
        for (int j = 0; j < sequences.size(); j++) {
            if (j != i) {
                shared = Math.max(shared, commonPrefix(sequence, sequences.get(j)));
            }
        }
        for (int[] recent : history) {
            shared = Math.max(shared, commonPrefix(sequence, recent));
        }
        if (shared >= minSharedPrefix && shared >= have + minSharedPrefix) {
            return create(Arrays.copyOf(sequence, shared), best);
        }
        return best;
    }

    private Entry longestCached(int[] sequence) {
        Entry best = null;
        for (Entry entry : entries.values()) {
            int length = entry.length();
            if (length <= sequence.length && (best == null || length > best.length())
                    && Arrays.equals(entry.tokens, 0, length, sequence, 0, length)) {
                best = entry;
            }
        }
        if (best != null) {
            entries.get(best.key); // marks it recently used
        }
        return best;
    }

    /** The first {@code length} tokens of a cached prefix, as a prefix of its own. */
    private Entry cut(Entry source, int length) {
        Entry existing = entries.get(new Key(Arrays.copyOf(source.tokens, length)));
        if (existing != null) {
            return existing;
        }
        KeyValueCache cache = source.cache.detachedCopy(length - 1);
        return remember(new Entry(new Key(Arrays.copyOf(source.tokens, length)), Arrays.copyOf(source.tokens, length),
                cache, Arrays.copyOf(source.logprobs, length), Arrays.copyOf(source.topIds, length),
                Arrays.copyOf(source.topLogprobs, length)));
    }

    /**
     * Computes a new cached prefix, after {@code parent} when there is one. An entry of {@code m} tokens keeps
     * the keys and values of its first {@code m - 1}: its last token is read again with whatever follows it,
     * which yields the distribution over the next token without storing one per position.
     */
    private Entry create(int[] prefix, Entry parent) {
        int start = parent == null ? 0 : parent.length() - 1;
        float[] logprobs = new float[prefix.length];
        Arrays.fill(logprobs, Float.NaN);
        int[][] topIds = new int[prefix.length][];
        float[][] topValues = new float[prefix.length][];
        if (parent != null) {
            System.arraycopy(parent.logprobs, 0, logprobs, 0, parent.length());
            System.arraycopy(parent.topIds, 0, topIds, 0, parent.length());
            System.arraycopy(parent.topLogprobs, 0, topValues, 0, parent.length());
        }
        KeyValueCache detached;
        int read = prefix.length - 1 - start;
        try (NDManager scope = NDManager.newBaseManager();
                KeyValueCache working = parent == null ? model.newCache(1) : parent.cache.continuedBy(1)) {
            long[][] ids = {toLongs(prefix, start, prefix.length - 1)};
            NDArray logSoftmax = model.extend(scope.create(ids), working, null).logSoftmax(2);
            NDArray targets = scope.create(new long[][] {toLongs(prefix, start + 1, prefix.length)}).expandDims(2);
            float[] chosen = logSoftmax.gather(targets, 2).toFloatArray();
            TopK top = topK(logSoftmax, Math.min(ENTRY_TOP_K, model.config().vocabSize()));
            for (int t = 0; t < read; t++) {
                logprobs[start + 1 + t] = chosen[t];
                topIds[start + 1 + t] = top.ids[0][t];
                topValues[start + 1 + t] = top.values[0][t];
            }
            detached = working.detachedCopy(prefix.length - 1);
        }
        tokensComputed += read;
        return remember(new Entry(new Key(prefix), prefix, detached, logprobs, topIds, topValues));
    }

    private Entry remember(Entry entry) {
        entries.put(entry.key, entry);
        cachedBytes += entry.bytes();
        return entry;
    }


    /** Drops least recently used prefixes until the cache fits its budget (only between calls). */
    private void evict() {
        var iterator = entries.values().iterator();
        while (cachedBytes > cacheBudgetBytes && iterator.hasNext()) {
            Entry oldest = iterator.next();
            iterator.remove();
            cachedBytes -= oldest.bytes();
            oldest.cache.close();
        }
    }

    /**
     * Scores {@code members} after the cached prefix {@code entry} (its keys and values shared by the whole
     * batch; each prompt reads from the prefix's last token on) or from scratch.
     */
    private void scoreGroup(Entry entry, List<Integer> members, List<int[]> sequences, int topK,
            TokenScores[] results) {
        int cached = entry == null ? 0 : entry.length();
        int start = entry == null ? 0 : cached - 1;
        List<Integer> order = new ArrayList<>(members);
        order.sort(Comparator.comparingInt((Integer i) -> sequences.get(i).length).reversed());
        for (int from = 0; from < order.size(); from += maxBatchSize) {
            List<Integer> batch = order.subList(from, Math.min(order.size(), from + maxBatchSize));
            int width = sequences.get(batch.get(0)).length - start;
            long[][] ids = new long[batch.size()][width];
            for (int row = 0; row < batch.size(); row++) {
                int[] sequence = sequences.get(batch.get(row));
                for (int j = start; j < sequence.length; j++) {
                    ids[row][j - start] = sequence[j];
                }
            }
            float[] all;
            TopK top = null;
            try (NDManager scope = NDManager.newBaseManager();
                    KeyValueCache cache = entry == null ? model.newCache(batch.size())
                            : entry.cache.continuedBy(batch.size())) {
                NDArray logSoftmax = model.extend(scope.create(ids), cache, null).logSoftmax(2);
                NDArray targets = scope.create(shiftedTargets(ids)).expandDims(2);
                all = logSoftmax.gather(targets, 2).toFloatArray();
                if (topK > 0) {
                    top = topK(logSoftmax, topK);
                }
            }
            for (int row = 0; row < batch.size(); row++) {
                int index = batch.get(row);
                int[] sequence = sequences.get(index);
                float[] logprobs = new float[sequence.length];
                int[][] topIds = topK > 0 ? new int[sequence.length][] : null;
                float[][] topValues = topK > 0 ? new float[sequence.length][] : null;
                logprobs[0] = Float.NaN;
                for (int j = 1; j < cached; j++) {
                    logprobs[j] = entry.logprobs[j];
                    if (topK > 0) {
                        topIds[j] = Arrays.copyOf(entry.topIds[j], topK);
                        topValues[j] = Arrays.copyOf(entry.topLogprobs[j], topK);
                    }
                }
                for (int j = Math.max(cached, 1); j < sequence.length; j++) {
                    logprobs[j] = all[row * width + (j - 1 - start)];
                    if (topK > 0) {
                        topIds[j] = top.ids[row][j - 1 - start];
                        topValues[j] = top.values[row][j - 1 - start];
                    }
                }
                results[index] = new TokenScores(logprobs, topIds, topValues);
                tokensComputed += sequence.length - start;
                tokensReused += start;
            }
            if (entry != null) {
                entries.get(entry.key);
            }
        }
    }

    private static long[][] shiftedTargets(long[][] ids) {
        long[][] targets = new long[ids.length][];
        for (int row = 0; row < ids.length; row++) {
            targets[row] = new long[ids[row].length];
            System.arraycopy(ids[row], 1, targets[row], 0, ids[row].length - 1);
        }
        return targets;
    }

    private record TopK(int[][][] ids, float[][][] values) {
    }

    /** The {@code k} best tokens per position of {@code logSoftmax [batch, length, vocab]}, best first. */
    private static TopK topK(NDArray logSoftmax, int k) {
        NDList top = logSoftmax.topK(k, 2, true, true);
        float[] values = top.get(0).toFloatArray();
        long[] ids = top.get(1).toLongArray();
        int batch = Math.toIntExact(logSoftmax.getShape().get(0));
        int length = Math.toIntExact(logSoftmax.getShape().get(1));
        int[][][] topIds = new int[batch][length][k];
        float[][][] topValues = new float[batch][length][k];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                for (int i = 0; i < k; i++) {
                    int at = (b * length + t) * k + i;
                    topIds[b][t][i] = (int) ids[at];
                    topValues[b][t][i] = values[at];
                }
            }
        }
        return new TopK(topIds, topValues);
    }

    private void validate(int index, int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("Sequence " + index + " is empty");
        }
        int vocab = model.config().vocabSize();
        for (int token : tokens) {
            if (token < 0 || token >= vocab) {
                throw new IllegalArgumentException("Sequence " + index + " holds token id " + token
                        + " outside the vocabulary 0.." + (vocab - 1));
            }
        }
        if (tokens.length > model.config().maxPositionEmbeddings()) {
            throw new IllegalArgumentException("Sequence " + index + " has " + tokens.length
                    + " tokens; the model's context is " + model.config().maxPositionEmbeddings());
        }
    }

    private static int commonPrefix(int[] a, int[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : mismatch;
    }

    private static long[] toLongs(int[] values, int from, int to) {
        long[] longs = new long[to - from];
        for (int i = from; i < to; i++) {
            longs[i - from] = values[i];
        }
        return longs;
    }

    /** Drops every cached prefix. */
    public synchronized void clear() {
        entries.values().forEach(entry -> entry.cache.close());
        entries.clear();
        history.clear();
        cachedBytes = 0;
    }

    @Override
    public void close() {
        clear();
    }

    private record Key(int[] tokens) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(tokens, key.tokens);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tokens);
        }
    }

    /** A cached prefix: the keys/values of all its tokens but the last, and the scores of its tokens. */
    private record Entry(Key key, int[] tokens, KeyValueCache cache, float[] logprobs, int[][] topIds,
            float[][] topLogprobs) {

        int length() {
            return tokens.length;
        }

        long bytes() {
            return cache.bytes() + (long) tokens.length * (4 + 4 + ENTRY_TOP_K * 8);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
