package dev.aft.augment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeRulesTest {

    private final ShapeRules rules = new ShapeRules(12, 80, 3, "A-Za-z0-9 ,;:'\"()+*=-");

    @Test
    void aPlainStatementWithAFinalPeriodPasses() {
        assertThat(rules.accepts("femp are lighter than glon.")).isTrue();
        assertThat(rules.accepts("T(brug + juzul) = T(brug) * T(juzul).")).isTrue();
        assertThat(rules.accepts("It weighs 3.5 times as much as glon.")).isTrue();
    }

    @Test
    void statementsOfTheWrongShapeAreRejected() {
        assertThat(rules.accepts("femp are lighter than glon")).as("no final period").isFalse();
        assertThat(rules.accepts("Are femp lighter than glon?")).as("a question").isFalse();
        assertThat(rules.accepts("femp are lighter...")).as("trailing off").isFalse();
        assertThat(rules.accepts("femp glon.")).as("too short").isFalse();
        assertThat(rules.accepts("ab cd ef.")).as("under 12 characters").isFalse();
        assertThat(rules.accepts("femp are lighter than glon " + "and so on ".repeat(10) + ".")).as("too long").isFalse();
        assertThat(rules.accepts("femp are <lighter> than glon.")).as("characters outside the set").isFalse();
        assertThat(rules.accepts("femp are l\u00efghter than glon.")).as("non-ASCII letter").isFalse();
        assertThat(rules.accepts("12 34 56 78 90.")).as("no letter").isFalse();
    }

    @Test
    void inconsistentLimitsAreRefused() {
        assertThatThrownBy(() -> new ShapeRules(10, 5, 3, "a-z")).isInstanceOf(IllegalArgumentException.class);
    }
}
