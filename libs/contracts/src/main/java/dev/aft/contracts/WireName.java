package dev.aft.contracts;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Enums whose constants travel as a fixed lower-case name (e.g. {@code ft+local}). */
public interface WireName {

    String wireName();

    /** Looks a constant up by its wire name; an unknown name is a violation listing the known ones. */
    static <E extends Enum<E> & WireName> E parse(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(name)) {
                return constant;
            }
        }
        String known = Arrays.stream(type.getEnumConstants()).map(WireName::wireName)
                .collect(Collectors.joining(", "));
        throw new ContractViolation("", "unknown " + type.getSimpleName() + " '" + name + "' (known: " + known + ")");
    }
}
