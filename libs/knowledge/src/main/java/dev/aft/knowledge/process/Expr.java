package dev.aft.knowledge.process;

/**
 * A function expression of the process-knowledge world, point-free: primitives (nonsense names), sums,
 * products and compositions {@code p(g)} (the primitive p applied after g). Rendered with every compound
 * operand of a sum or product in parentheses, so a rendering reads back one way only.
 */
public sealed interface Expr {

    String render();

    record Prim(String name) implements Expr {
        @Override
        public String render() {
            return name;
        }
    }

    record Sum(Expr left, Expr right) implements Expr {
        @Override
        public String render() {
            return operand(left) + " + " + operand(right);
        }
    }

    record Product(Expr left, Expr right) implements Expr {
        @Override
        public String render() {
            return operand(left) + " * " + operand(right);
        }
    }

    record Compose(Prim outer, Expr inner) implements Expr {
        @Override
        public String render() {
            return outer.name() + "(" + inner.render() + ")";
        }
    }

    private static String operand(Expr e) {
        return e instanceof Sum || e instanceof Product ? "(" + e.render() + ")" : e.render();
    }

    /** {@code e} applied after {@code g}: every primitive q in e becomes q(g). */
    static Expr after(Expr e, Expr g) {
        if (e instanceof Prim p) {
            return new Compose(p, g);
        }
        if (e instanceof Sum s) {
            return new Sum(after(s.left(), g), after(s.right(), g));
        }
        if (e instanceof Product p) {
            return new Product(after(p.left(), g), after(p.right(), g));
        }
        Compose c = (Compose) e;
        return new Compose(c.outer(), after(c.inner(), g));
    }
}
