package dev.aft.knowledge.process;

import dev.aft.knowledge.process.Expr.Prim;
import java.util.List;

/**
 * The transform of each primitive, by position k among n primitives (next = k+1, prev = k-1, modulo n):
 * <pre>
 *   k=0: T(p0) = next            k=3: T(p3) = p3(next)
 *   k=1: T(p1) = next * prev     k=4: T(p4) = prev * p4
 *   k=2: T(p2) = next + p2       k=5: T(p5) = prev(next)
 * </pre>
 */
final class PrimitiveRules {

    static final int MAX_PRIMITIVES = 6;

    private PrimitiveRules() {
    }

    static Expr transform(int k, List<Prim> primitives) {
        int n = primitives.size();
        Prim self = primitives.get(k);
        Prim next = primitives.get((k + 1) % n);
        Prim prev = primitives.get((k + n - 1) % n);
        return switch (k) {
            case 0 -> next;
            case 1 -> new Expr.Product(next, prev);
            case 2 -> new Expr.Sum(next, self);
            case 3 -> new Expr.Compose(self, next);
            case 4 -> new Expr.Product(prev, self);
            case 5 -> new Expr.Compose(prev, next);
            default -> throw new IllegalArgumentException("no rule for primitive " + k);
        };
    }
}
