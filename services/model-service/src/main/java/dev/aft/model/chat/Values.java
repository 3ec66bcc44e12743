package dev.aft.model.chat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Jinja's value semantics for the template subset: truthiness, output, comparison, access, filters. */
final class Values {

    /** A name or key that does not exist: renders as nothing, is false, fails {@code is defined}. */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    static final java.util.Set<String> TESTS = java.util.Set.of("defined", "undefined", "none", "string", "number",
            "mapping", "sequence", "iterable", "true", "false");
    static final java.util.Set<String> FILTERS = java.util.Set.of("trim", "upper", "lower", "string", "length",
            "count", "default");

    private Values() {
    }

    static boolean truthy(Object value) {
        if (value == null || value == UNDEFINED) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    static String string(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return value.toString();
    }

    static Object add(String op, Object left, Object right) {
        if (op.equals("~")) {
            return string(left) + string(right);
        }
        if (left instanceof Number a && right instanceof Number b) {
            if (a instanceof Long && b instanceof Long) {
                return op.equals("+") ? a.longValue() + b.longValue() : a.longValue() - b.longValue();
            }
            return op.equals("+") ? a.doubleValue() + b.doubleValue() : a.doubleValue() - b.doubleValue();
        }
        if (op.equals("+") && left instanceof String a && right instanceof String b) {
            return a + b;
        }
        if (op.equals("+") && left instanceof List<?> a && right instanceof List<?> b) {
            List<Object> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        }
        throw new TemplateException("Cannot apply '" + op + "' to " + describe(left) + " and " + describe(right));
    }

    static Object multiply(String op, Object left, Object right) {
        if (op.equals("*") && left instanceof String s && right instanceof Number n) {
            return s.repeat(Math.max(0, n.intValue()));
        }
        if (!(left instanceof Number a) || !(right instanceof Number b)) {
            throw new TemplateException("Cannot apply '" + op + "' to " + describe(left) + " and " + describe(right));
        }
        boolean integers = a instanceof Long && b instanceof Long;
        if (!op.equals("*") && b.doubleValue() == 0) {
            throw new TemplateException("Division by zero in chat template");
        }
        return switch (op) {
            case "*" -> integers ? (Object) (a.longValue() * b.longValue()) : (Object) (a.doubleValue() * b.doubleValue());
            case "/" -> a.doubleValue() / b.doubleValue();
            case "//" -> integers ? (Object) Math.floorDiv(a.longValue(), b.longValue())
                    : (Object) Math.floor(a.doubleValue() / b.doubleValue());
            default -> integers ? (Object) Math.floorMod(a.longValue(), b.longValue())
                    : (Object) (a.doubleValue() - b.doubleValue() * Math.floor(a.doubleValue() / b.doubleValue()));
        };
    }

    static boolean compare(String op, Object left, Object right) {
        if (op.equals("==") || op.equals("!=")) {
            boolean equal = left instanceof Number a && right instanceof Number b ? a.doubleValue() == b.doubleValue()
                    : Objects.equals(left == UNDEFINED ? null : left, right == UNDEFINED ? null : right);
            return op.equals("==") == equal;
        }
        int order;
        if (left instanceof Number a && right instanceof Number b) {
            order = Double.compare(a.doubleValue(), b.doubleValue());
        } else if (left instanceof String a && right instanceof String b) {
            order = a.compareTo(b);
        } else {
            throw new TemplateException("Cannot compare " + describe(left) + " with " + describe(right));
        }
        return switch (op) {
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            default -> order >= 0;
        };
    }

    static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            return s.contains(string(item));
        }
        if (container instanceof Collection<?> c) {
            return c.contains(item);
        }
        if (container instanceof Map<?, ?> m) {
            return m.containsKey(item);
        }
        return false;
    }

    static boolean test(String test, Object value) {
        return switch (test) {
            case "defined" -> value != UNDEFINED;
            case "undefined" -> value == UNDEFINED;
            case "none" -> value == null;
            case "string" -> value instanceof String;
            case "number" -> value instanceof Number;
            case "mapping" -> value instanceof Map;
            case "sequence", "iterable" -> value instanceof List || value instanceof String;
            case "true" -> Boolean.TRUE.equals(value);
            case "false" -> Boolean.FALSE.equals(value);
            default -> throw new TemplateException("Unsupported test 'is " + test + "' in chat template");
        };
    }

    static Object attribute(Object target, String name) {
        if (target instanceof Map<?, ?> map) {
            return map.containsKey(name) ? map.get(name) : UNDEFINED;
        }
        return UNDEFINED;
    }

    static Object item(Object target, Object key) {
        if (target instanceof Map<?, ?> map) {
            return map.containsKey(key) ? map.get(key) : UNDEFINED;
        }
        if ((target instanceof List<?> || target instanceof String) && key instanceof Number n) {
            int size = target instanceof List<?> l ? l.size() : ((String) target).length();
            int index = n.intValue() < 0 ? size + n.intValue() : n.intValue();
            if (index < 0 || index >= size) {
                return UNDEFINED;
            }
            return target instanceof List<?> l ? l.get(index) : String.valueOf(((String) target).charAt(index));
        }
        return UNDEFINED;
    }

    static Object slice(Object target, Object start, Object end) {
        int size = target instanceof List<?> l ? l.size() : target instanceof String s ? s.length() : -1;
        if (size < 0) {
            throw new TemplateException("Cannot slice " + describe(target));
        }
        int from = bound(start, 0, size);
        int to = Math.max(from, bound(end, size, size));
        return target instanceof List<?> l ? List.copyOf(l.subList(from, to)) : ((String) target).substring(from, to);
    }

    private static int bound(Object value, int otherwise, int size) {
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Number n)) {
            throw new TemplateException("Slice bounds must be numbers");
        }
        int index = n.intValue() < 0 ? size + n.intValue() : n.intValue();
        return Math.max(0, Math.min(size, index));
    }

    static Object callMethod(Object target, String method, List<Object> arguments) {
        if (target instanceof String s) {
            switch (method) {
                case "strip":
                    return s.strip();
                case "lstrip":
                    return s.stripLeading();
                case "rstrip":
                    return s.stripTrailing();
                case "upper":
                    return s.toUpperCase(java.util.Locale.ROOT);
                case "lower":
                    return s.toLowerCase(java.util.Locale.ROOT);
                case "startswith":
                    return s.startsWith(string(arguments.get(0)));
                case "endswith":
                    return s.endsWith(string(arguments.get(0)));
                default:
                    break;
            }
        }
        if (target instanceof Map<?, ?> map && method.equals("get")) {
            Object value = map.get(arguments.get(0));
            return value != null ? value : arguments.size() > 1 ? arguments.get(1) : null;
        }
        throw new TemplateException("Unsupported method '" + method + "' on " + describe(target) + " in chat template");
    }

    static Object filter(String filter, Object value, List<Object> arguments) {
        return switch (filter) {
            case "trim" -> string(value).strip();
            case "upper" -> string(value).toUpperCase(java.util.Locale.ROOT);
            case "lower" -> string(value).toLowerCase(java.util.Locale.ROOT);
            case "string" -> string(value);
            case "length", "count" -> (long) (value instanceof Collection<?> c ? c.size()
                    : value instanceof Map<?, ?> m ? m.size() : string(value).length());
            case "default" -> value == UNDEFINED || value == null ? (arguments.isEmpty() ? "" : arguments.get(0)) : value;
            default -> throw new TemplateException("Unsupported filter '|" + filter + "' in chat template");
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "none";
        }
        if (value == UNDEFINED) {
            return "an undefined value";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " '" + value + "'";
    }
}
