package dev.aft.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header mapping
 * each tensor name to {@code {dtype, shape, data_offsets}} (plus an optional string map
 * {@code __metadata__}), then the raw little-endian tensor bytes. F32, F16 and BF16 tensors are read
 * (as float32); tensors are written as F32.
 */
public final class Safetensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";
    /** The reference implementation refuses larger headers; so do we, to fail fast on a wrong file. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private Safetensors() {
    }

    /** The tensors (in header order) and the string metadata of one file. */
    public record Contents(Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        public Contents {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    public static Contents read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("Missing weights file " + file, e);
        } catch (IOException e) {
            throw new CheckpointException("Cannot read weights file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Contents read(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new CheckpointException("Weights file " + file + " is too short for a safetensors header");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, 0);
        long headerLength = lengthBytes.getLong(0);
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > size) {
            throw new CheckpointException("Weights file " + file + " has an invalid safetensors header length "
                    + headerLength + " (file size " + size + ")");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(channel, headerBytes, 8);
        JsonNode header;
        try {
            header = JSON.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CheckpointException("Weights file " + file + " has a malformed safetensors header: "
                    + e.getMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw new CheckpointException("Weights file " + file + " has a safetensors header that is not an object");
        }
        long dataStart = 8 + headerLength;
        long dataSize = size - dataStart;
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (METADATA.equals(entry.getKey())) {
                entry.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
            } else {
                TensorEntry tensor = TensorEntry.parse(file, entry.getKey(), entry.getValue(), dataSize);
                tensors.put(entry.getKey(), tensor.load(channel, dataStart));
            }
        }
        return new Contents(tensors, metadata);
    }

    /** Writes the tensors as F32 in the given order; metadata goes to {@code __metadata__}. */
    public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
            ObjectNode tensor = header.putObject(entry.getKey());
            tensor.put("dtype", SafetensorsDtype.F32.name());
            ArrayNode shape = tensor.putArray("shape");
            for (long dimension : entry.getValue().shape()) {
                shape.add(dimension);
            }
            long end = offset + 4L * entry.getValue().values().length;
            tensor.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(channel, head);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (FloatTensor tensor : tensors.values()) {
                for (float value : tensor.values()) {
                    if (!chunk.hasRemaining()) {
                        chunk.flip();
                        writeFully(channel, chunk);
                        chunk.clear();
                    }
                    chunk.putFloat(value);
                }
            }
            chunk.flip();
            writeFully(channel, chunk);
        } catch (IOException e) {
            throw new CheckpointException("Cannot write weights file " + file + ": " + e.getMessage(), e);
        }
    }

    static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += read;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer source) throws IOException {
        while (source.hasRemaining()) {
            channel.write(source);
        }
    }

    /** One header entry, validated against the data section before any byte is read. */
    private record TensorEntry(Path file, String name, SafetensorsDtype dtype, long[] shape, long begin, long end) {

        static TensorEntry parse(Path file, String name, JsonNode node, long dataSize) {
            String where = "Weights file " + file + ", tensor " + name + ": ";
            String dtypeName = node.path("dtype").asText("");
            SafetensorsDtype dtype;
            try {
                dtype = SafetensorsDtype.valueOf(dtypeName);
            } catch (IllegalArgumentException e) {
                throw new CheckpointException(where + "unsupported dtype \"" + dtypeName + "\" (supported: F32, F16, BF16)");
            }
            JsonNode shapeNode = node.path("shape");
            JsonNode offsets = node.path("data_offsets");
            if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
                throw new CheckpointException(where + "needs a shape array and two data_offsets");
            }
            long[] shape = new long[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asLong(-1);
            }
            long begin = offsets.get(0).asLong(-1);
            long end = offsets.get(1).asLong(-1);
            long count;
            try {
                count = FloatTensor.elementCount(shape);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new CheckpointException(where + "invalid shape " + shapeNode);
            }
            if (begin < 0 || end < begin || end > dataSize) {
                throw new CheckpointException(where + "data_offsets " + offsets + " lie outside the "
                        + dataSize + "-byte data section");
            }
            if (end - begin != count * dtype.bytes) {
                throw new CheckpointException(where + "shape " + shapeNode + " of " + dtype + " needs "
                        + count * dtype.bytes + " bytes but data_offsets span " + (end - begin));
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new CheckpointException(where + "too large for one float array (" + count + " elements)");
            }
            return new TensorEntry(file, name, dtype, shape, begin, end);
        }

        FloatTensor load(FileChannel channel, long dataStart) throws IOException {
            int count = (int) ((end - begin) / dtype.bytes);
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin)
                    .order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[count];
            if (dtype == SafetensorsDtype.F32) {
                bytes.asFloatBuffer().get(values);
            } else {
                for (int i = 0; i < count; i++) {
                    values[i] = dtype.read(bytes, i * dtype.bytes);
                }
            }
            return new FloatTensor(shape, values);
        }
    }
}
