package dev.aft.augment.domain;

import java.nio.charset.StandardCharsets;

/**
 * Prompt tokens estimated from UTF-8 bytes: {@code ceil(bytes x tokensPerByte x (1 + margin)) + 1}. The ratio
 * comes from the backend's own usage on a calibration prompt (or a conservative default when it reports none),
 * the margin covers text that tokenizes worse than the sample.
 */
public record TokenEstimate(double tokensPerByte, double margin) {

    public TokenEstimate {
        if (!(tokensPerByte > 0) || margin < 0) {
            throw new IllegalArgumentException("tokensPerByte must be > 0 and margin >= 0");
        }
    }

    public int tokens(String text) {
        return (int) Math.ceil(text.getBytes(StandardCharsets.UTF_8).length * tokensPerByte * (1 + margin)) + 1;
    }
}
