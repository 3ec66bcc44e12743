package dev.aft.knowledge.process;

import dev.aft.knowledge.process.Expr.Prim;
import java.util.ArrayList;
import java.util.List;

/**
 * The made-up transform T over expressions of one world, optionally with one wrong rule at one place (a
 * "site": each application of T to a sub-expression, numbered in the order they happen).
 */
final class Transform {

    /** A wrong rule: at {@code site}, use {@code alternative} instead of the real rule. */
    record Fault(int site, int alternative) {
    }

    private final List<Prim> primitives;

    Transform(List<Prim> primitives) {
        this.primitives = List.copyOf(primitives);
    }

    Expr apply(Expr e) {
        return new Run(null).t(e);
    }

    /** Every result of {@code e} with exactly one wrong rule, in site order. */
    List<Expr> withOneWrongRule(Expr e) {
        Run probe = new Run(null);
        probe.t(e);
        List<Expr> results = new ArrayList<>();
        for (int site = 0; site < probe.siteKinds.size(); site++) {
            int alternatives = probe.siteKinds.get(site) ? primitives.size() : Combinator.ALTERNATIVES;
            for (int alternative = 1; alternative < alternatives; alternative++) {
                results.add(new Run(new Fault(site, alternative)).t(e));
            }
        }
        return results;
    }

    private final class Run {
        private final Fault fault;
        private final List<Boolean> siteKinds = new ArrayList<>();

        Run(Fault fault) {
            this.fault = fault;
        }

        Expr t(Expr e) {
            int site = siteKinds.size();
            siteKinds.add(e instanceof Prim);
            int alternative = fault != null && fault.site() == site ? fault.alternative() : 0;
            if (e instanceof Prim p) {
                int k = primitives.indexOf(p);
                return PrimitiveRules.transform((k + alternative) % primitives.size(), primitives);
            }
            if (e instanceof Expr.Sum s) {
                return Combinator.SUM.apply(alternative, s.left(), s.right(), t(s.left()), t(s.right()));
            }
            if (e instanceof Expr.Product p) {
                return Combinator.PRODUCT.apply(alternative, p.left(), p.right(), t(p.left()), t(p.right()));
            }
            Expr.Compose c = (Expr.Compose) e;
            return Combinator.COMPOSITION.apply(alternative, c.outer(), c.inner(), t(c.outer()), t(c.inner()));
        }
    }
}
