package dev.aft.knowledge.process;

import dev.aft.knowledge.process.Expr.Prim;
import java.util.List;
import java.util.Random;

/**
 * Tells whether two expressions are the same function whatever the primitives are: each primitive becomes a
 * random quadratic, and the two are compared at a few points. Rewritings by commutativity, associativity or
 * distributivity agree everywhere; different expressions differ at random points (with probability one).
 */
final class NumericCheck {

    private static final double[] POINTS = {-0.7, 0.3, 0.55, 1.2};

    private final List<Prim> primitives;
    private final double[][] coefficients;

    NumericCheck(List<Prim> primitives) {
        this.primitives = List.copyOf(primitives);
        Random random = new Random(20250505L);
        coefficients = new double[primitives.size()][3];
        for (double[] c : coefficients) {
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextDouble() * 2 - 1;
            }
        }
    }

    boolean sameFunction(Expr a, Expr b) {
        for (double x : POINTS) {
            double va = value(a, x);
            double vb = value(b, x);
            if (Math.abs(va - vb) > 1e-9 * (1 + Math.abs(va) + Math.abs(vb))) {
                return false;
            }
        }
        return true;
    }

    private double value(Expr e, double x) {
        if (e instanceof Prim p) {
            double[] c = coefficients[primitives.indexOf(p)];
            return c[0] * x * x + c[1] * x + c[2];
        }
        if (e instanceof Expr.Sum s) {
            return value(s.left(), x) + value(s.right(), x);
        }
        if (e instanceof Expr.Product p) {
            return value(p.left(), x) * value(p.right(), x);
        }
        Expr.Compose c = (Expr.Compose) e;
        return value(c.outer(), value(c.inner(), x));
    }
}
