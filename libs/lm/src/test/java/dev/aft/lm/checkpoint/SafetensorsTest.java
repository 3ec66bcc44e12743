package dev.aft.lm.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path folder;

    @Test
    void writtenTensorsAndMetadataReadBackIdentical() {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tensors.put("b.weight", new FloatTensor(new long[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, 0, 1e30f}));
        tensors.put("a.scalar", new FloatTensor(new long[] {}, new float[] {42}));
        tensors.put("empty", new FloatTensor(new long[] {0, 4}, new float[0]));
        Path file = folder.resolve("model.safetensors");

        Safetensors.write(file, tensors, Map.of("format", "pt"));
        Safetensors.Contents read = Safetensors.read(file);

        assertThat(read.tensors().keySet()).containsExactly("b.weight", "a.scalar", "empty");
        tensors.forEach((name, tensor) -> {
            assertThat(read.tensors().get(name).shape()).containsExactly(tensor.shape());
            assertThat(read.tensors().get(name).values()).containsExactly(tensor.values());
        });
        assertThat(read.metadata()).containsExactly(Map.entry("format", "pt"));
    }

    @Test
    void writtenFileHasTheStandardByteLayout() throws IOException {
        Path file = folder.resolve("layout.safetensors");

        Safetensors.write(file, Map.of("x", new FloatTensor(new long[] {2}, new float[] {1.0f, -2.0f})), Map.of());

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = bytes.getLong(0);
        assertThat(headerLength % 8).isZero();
        String header = new String(bytes.array(), 8, (int) headerLength, StandardCharsets.UTF_8);
        assertThat(header.strip()).isEqualTo("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}");
        assertThat(bytes.capacity()).isEqualTo(8 + headerLength + 8);
        assertThat(bytes.getFloat((int) (8 + headerLength))).isEqualTo(1.0f);
        assertThat(bytes.getFloat((int) (8 + headerLength + 4))).isEqualTo(-2.0f);
    }

    @Test
    void readsAHandBuiltFileWithF32Bf16AndF16Tensors() throws IOException {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"half\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[14,20]},"
                + "\"full\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},"
                + "\"brain\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[8,14]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + 20).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        file.putFloat(0.25f).putFloat(-3.0f);
        // bfloat16: 1.0 = 0x3F80, -2.5 = 0xC020, 3.140625 = 0x4049
        file.putShort((short) 0x3F80).putShort((short) 0xC020).putShort((short) 0x4049);
        // float16: 1.5 = 0x3E00, -0.0001 ~ subnormal 0x8069, 65504 = 0x7BFF
        file.putShort((short) 0x3E00).putShort((short) 0x8069).putShort((short) 0x7BFF);
        Path path = folder.resolve("hand.safetensors");
        Files.write(path, file.array());

        Safetensors.Contents read = Safetensors.read(path);

        assertThat(read.tensors().keySet()).containsExactly("half", "full", "brain");
        assertThat(read.tensors().get("full").shape()).containsExactly(1, 2);
        assertThat(read.tensors().get("full").values()).containsExactly(0.25f, -3.0f);
        assertThat(read.tensors().get("brain").values()).containsExactly(1.0f, -2.5f, 3.140625f);
        assertThat(read.tensors().get("half").values()).containsExactly(1.5f, -0x69 * 0x1p-24f, 65504f);
        assertThat(read.metadata()).containsExactly(Map.entry("format", "pt"));
    }

    @Test
    void offsetsThatDisagreeWithTheShapeNameTheTensorAndFile() throws IOException {
        Path path = handBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8);

        assertThatThrownBy(() -> Safetensors.read(path))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("tensor w")
                .hasMessageContaining("needs 12 bytes");
    }

    @Test
    void dataBeyondTheEndOfFileIsRejected() throws IOException {
        Path path = handBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8);

        assertThatThrownBy(() -> Safetensors.read(path)).hasMessageContaining("outside the 8-byte data section");
    }

    @Test
    void unsupportedDtypeIsNamed() throws IOException {
        Path path = handBuilt("{\"w\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8);

        assertThatThrownBy(() -> Safetensors.read(path)).hasMessageContaining("unsupported dtype \"I64\"");
    }

    @Test
    void garbageIsNotMistakenForAHeader() throws IOException {
        Path path = folder.resolve("garbage.safetensors");
        Files.write(path, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});

        assertThatThrownBy(() -> Safetensors.read(path)).hasMessageContaining("invalid safetensors header length");
    }

    @Test
    void missingFileIsNamed() {
        Path path = folder.resolve("model.safetensors");

        assertThatThrownBy(() -> Safetensors.read(path)).hasMessageContaining("Missing weights file " + path);
    }

    private Path handBuilt(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        Path path = Files.createTempFile(folder, "hand", ".safetensors");
        Files.write(path, file.array());
        return path;
    }
}
