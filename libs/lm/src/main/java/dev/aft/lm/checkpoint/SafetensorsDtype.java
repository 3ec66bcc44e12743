package dev.aft.lm.checkpoint;

import java.nio.ByteBuffer;

/** Element types of the safetensors format that this engine reads; it writes only {@link #F32}. */
enum SafetensorsDtype {
    F32(4) {
        @Override
        float read(ByteBuffer littleEndian, int byteOffset) {
            return littleEndian.getFloat(byteOffset);
        }
    },
    F16(2) {
        @Override
        float read(ByteBuffer littleEndian, int byteOffset) {
            return halfToFloat(littleEndian.getShort(byteOffset));
        }
    },
    BF16(2) {
        @Override
        float read(ByteBuffer littleEndian, int byteOffset) {
            // bfloat16 is the upper half of a float32.
            return Float.intBitsToFloat((littleEndian.getShort(byteOffset) & 0xFFFF) << 16);
        }
    };

    final int bytes;

    SafetensorsDtype(int bytes) {
        this.bytes = bytes;
    }

    abstract float read(ByteBuffer littleEndian, int byteOffset);

    /** IEEE 754 binary16 to float32 (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
