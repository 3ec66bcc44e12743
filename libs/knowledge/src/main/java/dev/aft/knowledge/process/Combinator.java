package dev.aft.knowledge.process;

import dev.aft.knowledge.process.Expr.Prim;

/**
 * The three ways of combining two functions, each with the transform's made-up rule for it (alternative 0)
 * and the wrong rules distractors use in its place (the familiar derivative rules among them).
 */
public enum Combinator {
    /** T(f + g) = T(f) * T(g). */
    SUM("T(f + g) = T(f) * T(g)."),
    /** T(f * g) = (T(f) * g) + T(g). */
    PRODUCT("T(f * g) = (T(f) * g) + T(g)."),
    /** T(p(g)) = T(p)(g) * T(g): T(p) applied after g, times T(g). */
    COMPOSITION("T(f(g)) = T(f)(g) * T(g).");

    static final int ALTERNATIVES = 3;

    private final String rule;

    Combinator(String rule) {
        this.rule = rule;
    }

    /** The rule as a sentence with the placeholders f and g. */
    public String rule() {
        return rule;
    }

    public String subType() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    Expr combine(Prim f, Prim g) {
        return switch (this) {
            case SUM -> new Expr.Sum(f, g);
            case PRODUCT -> new Expr.Product(f, g);
            case COMPOSITION -> new Expr.Compose(f, g);
        };
    }

    /** The result of alternative {@code alternative} (0: the real rule) given f, g and their transforms. */
    Expr apply(int alternative, Expr f, Expr g, Expr tf, Expr tg) {
        return switch (this) {
            case SUM -> switch (alternative) {
                case 0 -> new Expr.Product(tf, tg);
                case 1 -> new Expr.Sum(tf, tg);
                default -> new Expr.Product(tf, g);
            };
            case PRODUCT -> switch (alternative) {
                case 0 -> new Expr.Sum(new Expr.Product(tf, g), tg);
                case 1 -> new Expr.Sum(new Expr.Product(tf, g), new Expr.Product(f, tg));
                default -> new Expr.Product(tf, tg);
            };
            case COMPOSITION -> switch (alternative) {
                case 0 -> new Expr.Product(Expr.after(tf, g), tg);
                case 1 -> Expr.after(tf, g);
                default -> new Expr.Sum(Expr.after(tf, g), tg);
            };
        };
    }

    /** The middle step of a worked example: the rule instantiated for two primitives. */
    String step(Prim f, Prim g) {
        String tf = "T(" + f.name() + ")";
        String tg = "T(" + g.name() + ")";
        return switch (this) {
            case SUM -> tf + " * " + tg;
            case PRODUCT -> "(" + tf + " * " + g.name() + ") + " + tg;
            case COMPOSITION -> tf + "(" + g.name() + ") * " + tg;
        };
    }
}
