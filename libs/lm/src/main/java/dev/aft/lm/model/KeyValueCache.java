package dev.aft.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * Keys and values of the positions a model has already read, so that each new token costs one position of
 * work instead of the whole sequence. Two parts:
 * <ul>
 *   <li>a <b>shared</b> part (batch 1, every position valid) that all rows attend to: the common prefix of
 *       the rows, computed once (a prompt prefix cache entry, or the prompt sampled {@code n} times);</li>
 *   <li>a <b>per-row</b> part {@code [batch, keyValueHeads, length, headDim]} that grows with every
 *       {@link LlamaModel#extend} call; positions marked invalid (left padding) are never attended to.</li>
 * </ul>
 * A cache owns its arrays; close it when done. Arrays are stored before the key/value heads are shared
 * among query heads.
 */
public final class KeyValueCache implements AutoCloseable {

    final NDManager manager;
    final int layers;
    final int batch;
    final NDArray[] sharedKeys;
    final NDArray[] sharedValues;
    final int sharedLength;
    NDArray[] rowKeys;
    NDArray[] rowValues;
    /** Per row, which per-row positions hold a real token. */
    boolean[][] valid;
    int rowLength;
    /** Per row, the number of real tokens read so far (shared prefix included): the next position. */
    int[] nextPosition;

    private KeyValueCache(NDManager manager, int layers, int batch, NDArray[] sharedKeys, NDArray[] sharedValues,
            int sharedLength) {
        this.manager = manager;
        this.layers = layers;
        this.batch = batch;
        this.sharedKeys = sharedKeys;
        this.sharedValues = sharedValues;
        this.sharedLength = sharedLength;
        this.rowKeys = new NDArray[layers];
        this.rowValues = new NDArray[layers];
        this.valid = new boolean[batch][0];
        this.nextPosition = new int[batch];
        Arrays.fill(nextPosition, sharedLength);
    }

    /** An empty cache for {@code batch} rows of a model with {@code layers} layers. */
    public static KeyValueCache empty(int layers, int batch) {
        return new KeyValueCache(NDManager.newBaseManager(), layers, batch, null, null, 0);
    }

    /**
     * A cache for {@code batch} rows that all continue after this cache's single row, which becomes the shared
     * part (its arrays are shared, not copied). This cache must hold exactly one row with no padding, and
     * must stay open while the new one is used.
     */
    public KeyValueCache continuedBy(int batch) {
        if (this.batch != 1) {
            throw new IllegalStateException("Only a one-row cache can be shared, this one has " + this.batch);
        }
        for (boolean[] row : valid) {
            for (boolean v : row) {
                if (!v) {
                    throw new IllegalStateException("A cache with padding cannot be shared");
                }
            }
        }
        NDManager target = NDManager.newBaseManager();
        NDArray[] keys = new NDArray[layers];
        NDArray[] values = new NDArray[layers];
        for (int layer = 0; layer < layers; layer++) {
            keys[layer] = joined(sharedKeys == null ? null : sharedKeys[layer], rowKeys[layer], target);
            values[layer] = joined(sharedValues == null ? null : sharedValues[layer], rowValues[layer], target);
        }
        return new KeyValueCache(target, layers, batch, keys, values, length());
    }

    /** Joins shared and per-row arrays once (a copy owned by {@code target}) or reuses the one that exists. */
    private static NDArray joined(NDArray shared, NDArray rows, NDManager target) {
        if (shared == null) {
            return rows;
        }
        if (rows == null) {
            return shared;
        }
        NDArray result = shared.concat(rows, 2);
        result.attach(target);
        return result;
    }

    /**
     * A one-row, shared-only copy of the first {@code length} positions of this one-row cache, depending on no
     * other cache: what a prefix cache keeps (causal attention makes a prefix's keys and values independent of
     * what follows it). Rough size in bytes: {@link #bytes()}.
     */
    public KeyValueCache detachedCopy(int length) {
        if (batch != 1) {
            throw new IllegalStateException("Only a one-row cache can be detached, this one has " + batch);
        }
        if (length < 1 || length > length()) {
            throw new IllegalArgumentException("Cannot keep " + length + " of " + length() + " positions");
        }
        for (boolean[] row : valid) {
            for (boolean v : row) {
                if (!v) {
                    throw new IllegalStateException("A cache with padding cannot be detached");
                }
            }
        }
        NDManager target = NDManager.newBaseManager();
        NDArray[] keys = new NDArray[layers];
        NDArray[] values = new NDArray[layers];
        for (int layer = 0; layer < layers; layer++) {
            keys[layer] = copied(sharedKeys == null ? null : sharedKeys[layer], rowKeys[layer], length, target);
            values[layer] = copied(sharedValues == null ? null : sharedValues[layer], rowValues[layer], length, target);
        }
        return new KeyValueCache(target, layers, 1, keys, values, length);
    }

    private static NDArray copied(NDArray shared, NDArray rows, int length, NDManager target) {
        try (NDManager temporary = NDManager.newBaseManager()) {
            NDArray joined;
            if (shared == null) {
                joined = rows;
            } else if (rows == null) {
                joined = shared;
            } else {
                joined = shared.concat(rows, 2);
                joined.attach(temporary);
            }
            NDArray sliced = joined.get(new ai.djl.ndarray.index.NDIndex(":, :, 0:" + length + ", :"));
            NDArray result = sliced.duplicate();
            result.attach(target);
            if (sliced != result) {
                sliced.attach(temporary);
            }
            return result;
        }
    }

    /** Bytes held by keys and values (shared and per-row). */
    public long bytes() {
        long elements = 0;
        for (int layer = 0; layer < layers; layer++) {
            if (sharedKeys != null) {
                elements += sharedKeys[layer].size() + sharedValues[layer].size();
            }
            if (rowKeys[layer] != null) {
                elements += rowKeys[layer].size() + rowValues[layer].size();
            }
        }
        return elements * 4;
    }

    /** Positions read so far, shared prefix included (padding included for padded rows). */
    public int length() {
        return sharedLength + rowLength;
    }

    public int sharedLength() {
        return sharedLength;
    }

    public int batchSize() {
        return batch;
    }

    /** The position the next token of {@code row} will take. */
    public int nextPosition(int row) {
        return nextPosition[row];
    }

    /**
     * Keeps only the given rows, in that order (finished rows leave a generation batch). The returned cache
     * takes over this one's arrays: use it, and close it, instead of this one.
     */
    public KeyValueCache retainRows(int[] rows) {
        KeyValueCache kept = new KeyValueCache(manager, layers, rows.length, sharedKeys, sharedValues, sharedLength);
        if (rowLength > 0) {
            NDArray index = manager.create(toLongs(rows));
            for (int layer = 0; layer < layers; layer++) {
                kept.rowKeys[layer] = rowKeys[layer].get(index);
                kept.rowValues[layer] = rowValues[layer].get(index);
                rowKeys[layer].close();
                rowValues[layer].close();
            }
            index.close();
        }
        kept.rowLength = rowLength;
        for (int i = 0; i < rows.length; i++) {
            kept.valid[i] = valid[rows[i]];
            kept.nextPosition[i] = nextPosition[rows[i]];
        }
        return kept;
    }

    void append(int layer, NDArray keys, NDArray values) {
        if (rowKeys[layer] == null) {
            keys.attach(manager);
            values.attach(manager);
            rowKeys[layer] = keys;
            rowValues[layer] = values;
        } else {
            NDArray newKeys = rowKeys[layer].concat(keys, 2);
            NDArray newValues = rowValues[layer].concat(values, 2);
            rowKeys[layer].close();
            rowValues[layer].close();
            rowKeys[layer] = newKeys;
            rowValues[layer] = newValues;
        }
    }

    void advance(boolean[][] newValid, int added) {
        for (int row = 0; row < batch; row++) {
            boolean[] grown = Arrays.copyOf(valid[row], rowLength + added);
            for (int i = 0; i < added; i++) {
                boolean real = newValid == null || newValid[row][i];
                grown[rowLength + i] = real;
                if (real) {
                    nextPosition[row]++;
                }
            }
            valid[row] = grown;
        }
        rowLength += added;
    }

    NDList shared(int layer) {
        return sharedKeys == null ? null : new NDList(sharedKeys[layer], sharedValues[layer]);
    }

    private static long[] toLongs(int[] values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return longs;
    }

    @Override
    public void close() {
        manager.close();
    }
}
