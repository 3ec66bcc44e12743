package dev.aft.knowledge.process;

import dev.aft.knowledge.process.Expr.Prim;
import java.util.ArrayList;
import java.util.List;

/**
 * A combination of rules: one combinator with the rules of two primitives ({@code first <= second} by
 * position). Its expressions are the combinator over the two primitives in either order.
 */
record Combination(Combinator combinator, int first, int second) {

    List<Expr> expressions(List<Prim> primitives) {
        List<Expr> expressions = new ArrayList<>();
        expressions.add(combinator.combine(primitives.get(first), primitives.get(second)));
        if (first != second) {
            expressions.add(combinator.combine(primitives.get(second), primitives.get(first)));
        }
        return expressions;
    }

    boolean uses(Combinator c, int primitive) {
        return combinator == c && (first == primitive || second == primitive);
    }

    static List<Combination> all(int primitives) {
        List<Combination> all = new ArrayList<>();
        for (Combinator c : Combinator.values()) {
            for (int i = 0; i < primitives; i++) {
                for (int j = i; j < primitives; j++) {
                    all.add(new Combination(c, i, j));
                }
            }
        }
        return all;
    }
}
