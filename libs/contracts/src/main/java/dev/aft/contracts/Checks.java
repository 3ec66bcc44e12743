package dev.aft.contracts;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Argument checks for contract records; each failure is a {@link ContractViolation} naming the field. */
public final class Checks {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Checks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new ContractViolation(field, "is required");
        }
        return value;
    }

    public static String requiredText(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new ContractViolation(field, "must not be blank");
        }
        return value;
    }

    public static <T> List<T> list(List<T> value, String field) {
        required(value, field);
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new ContractViolation(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(value);
    }

    public static <T> List<T> nonEmptyList(List<T> value, String field) {
        List<T> copy = list(value, field);
        if (copy.isEmpty()) {
            throw new ContractViolation(field, "must not be empty");
        }
        return copy;
    }

    public static <V> Map<String, V> map(Map<String, V> value, String field) {
        required(value, field);
        value.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new ContractViolation(field + "[" + k + "]", "must not be null");
            }
        });
        return Map.copyOf(value);
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new ContractViolation(field, "must be >= 0, was " + value);
        }
        return value;
    }

    public static long positive(long value, String field) {
        if (value <= 0) {
            throw new ContractViolation(field, "must be > 0, was " + value);
        }
        return value;
    }

    public static double positive(double value, String field) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ContractViolation(field, "must be a finite number > 0, was " + value);
        }
        return value;
    }

    /** A fraction in [0, 1] (accuracies, chance levels). */
    public static double fraction(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new ContractViolation(field, "must be within [0, 1], was " + value);
        }
        return value;
    }

    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new ContractViolation(field, "must be a finite number, was " + value);
        }
        return value;
    }

    public static String sha256Hex(String value, String field) {
        if (!SHA256.matcher(required(value, field)).matches()) {
            throw new ContractViolation(field, "must be 64 lower-case hex digits (a SHA-256), was '" + value + "'");
        }
        return value;
    }

    public static void check(boolean condition, String field, String problem) {
        if (!condition) {
            throw new ContractViolation(field, problem);
        }
    }
}
