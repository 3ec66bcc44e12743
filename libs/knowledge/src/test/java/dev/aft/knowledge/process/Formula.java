package dev.aft.knowledge.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A test-side reading of process-knowledge expressions: parsed from their text, rendered back, transformed
 * with the rules as the README states them, and evaluated with random functions for the primitives.
 */
record Formula(char kind, String name, Formula left, Formula right) {

    static Formula primitive(String name) {
        return new Formula('p', name, null, null);
    }

    static Formula of(char kind, Formula left, Formula right) {
        return new Formula(kind, null, left, right);
    }

    static Formula composed(String outer, Formula inner) {
        return new Formula('c', outer, null, inner);
    }

    static Formula parse(String text) {
        Parser parser = new Parser(text);
        Formula formula = parser.expression();
        if (parser.position != text.length()) {
            throw new IllegalArgumentException("trailing text in " + text);
        }
        return formula;
    }

    String render() {
        return switch (kind) {
            case 'p' -> name;
            case 'c' -> name + "(" + right.render() + ")";
            default -> operand(left) + " " + kind + " " + operand(right);
        };
    }

    /** T by the stated rules: sum to product, product to (T(f) * g) + T(g), p(g) to T(p)(g) * T(g). */
    Formula transform(Map<String, Formula> primitiveRules) {
        return switch (kind) {
            case 'p' -> primitiveRules.get(name);
            case '+' -> of('*', left.transform(primitiveRules), right.transform(primitiveRules));
            case '*' -> of('+', of('*', left.transform(primitiveRules), right), right.transform(primitiveRules));
            default -> of('*', primitiveRules.get(name).after(right), right.transform(primitiveRules));
        };
    }

    /** Primitive names, left to right. */
    List<String> primitives() {
        List<String> names = new ArrayList<>();
        if (name != null) {
            names.add(name);
        }
        if (left != null) {
            names.addAll(left.primitives());
        }
        if (right != null) {
            names.addAll(right.primitives());
        }
        return names;
    }

    double value(double x, Map<String, double[]> functions) {
        return switch (kind) {
            case 'p' -> apply(functions.get(name), x);
            case 'c' -> apply(functions.get(name), right.value(x, functions));
            case '+' -> left.value(x, functions) + right.value(x, functions);
            default -> left.value(x, functions) * right.value(x, functions);
        };
    }

    /** Random smooth functions a*sin(b*x) + c*x for the given primitives. */
    static Map<String, double[]> randomFunctions(List<String> names, long seed) {
        Random random = new Random(seed);
        Map<String, double[]> functions = new java.util.HashMap<>();
        names.forEach(n -> functions.put(n, new double[] {random.nextDouble() + 0.5, random.nextDouble() * 3 + 0.2,
            random.nextDouble() - 0.5}));
        return functions;
    }

    private Formula after(Formula g) {
        return switch (kind) {
            case 'p' -> composed(name, g);
            case 'c' -> composed(name, right.after(g));
            default -> of(kind, left.after(g), right.after(g));
        };
    }

    private static double apply(double[] f, double x) {
        return f[0] * Math.sin(f[1] * x) + f[2] * x;
    }

    private static String operand(Formula f) {
        return f.kind == '+' || f.kind == '*' ? "(" + f.render() + ")" : f.render();
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Formula expression() {
            Formula left = operand();
            if (text.startsWith(" + ", position) || text.startsWith(" * ", position)) {
                char op = text.charAt(position + 1);
                position += 3;
                return of(op, left, operand());
            }
            return left;
        }

        private Formula operand() {
            if (text.charAt(position) == '(') {
                position++;
                Formula inner = expression();
                expect(')');
                return inner;
            }
            int start = position;
            while (position < text.length() && Character.isLowerCase(text.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw new IllegalArgumentException("expected a name at " + start + " in " + text);
            }
            String name = text.substring(start, position);
            if (position < text.length() && text.charAt(position) == '(') {
                position++;
                Formula inner = expression();
                expect(')');
                return composed(name, inner);
            }
            return primitive(name);
        }

        private void expect(char c) {
            if (position >= text.length() || text.charAt(position) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + position + " in " + text);
            }
            position++;
        }
    }
}
