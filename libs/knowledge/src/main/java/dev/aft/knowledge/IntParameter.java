package dev.aft.knowledge;

import java.math.BigDecimal;
import java.math.BigInteger;

/** An integer generation parameter with its default and inclusive range. */
public record IntParameter(String name, int defaultValue, int min, int max) {

    public IntParameter {
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " outside " + min + ".." + max);
        }
    }

    /** Reads {@code value} as this parameter, or explains in user terms why it cannot be. */
    int read(Object value) {
        Long whole = wholeNumber(value);
        if (whole == null) {
            throw new IllegalArgumentException(name + " must be a whole number between " + min + " and " + max
                    + ", was " + describe(value));
        }
        if (whole < min || whole > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + whole);
        }
        return whole.intValue();
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString());
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        }
        return null;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence) {
            return "the text \"" + value + "\"";
        }
        return value + " (" + value.getClass().getSimpleName() + ")";
    }
}
