package dev.aft.reference.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldSeedsTest {

    @Test
    void curriculumSeedsNeverFallInTheEvaluationOrHeldOutRanges() {
        Set<Long> seen = new HashSet<>();
        for (long run : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 42}) {
            for (int stage = 0; stage < 4; stage++) {
                for (long index = 0; index < 500; index++) {
                    long seed = WorldSeeds.curriculum(run, stage, index);
                    assertThat(seed).isBetween(WorldSeeds.CURRICULUM_START, WorldSeeds.HELD_OUT_START - 1);
                    assertThat(WorldSeeds.isCurriculum(seed)).isTrue();
                    assertThat(WorldSeeds.isHeldOut(seed)).isFalse();
                    seen.add(seed);
                }
            }
        }
        assertThat(seen).hasSize(6 * 4 * 500);
    }

    @Test
    void heldOutSeedsAreAThirdRange() {
        assertThat(WorldSeeds.heldOut(0)).isEqualTo(1L << 41);
        assertThat(WorldSeeds.isHeldOut(WorldSeeds.heldOut(123))).isTrue();
        assertThat(WorldSeeds.isCurriculum(WorldSeeds.heldOut(123))).isFalse();
        assertThat(WorldSeeds.heldOut(0)).isGreaterThan(WorldSeeds.EVALUATION_LIMIT);
        assertThatThrownBy(() -> WorldSeeds.heldOut(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evaluationSeedsAreOutsideBothRanges() {
        for (long seed : new long[] {0, 1, 42, WorldSeeds.EVALUATION_LIMIT - 1}) {
            assertThat(WorldSeeds.isCurriculum(seed) || WorldSeeds.isHeldOut(seed)).isFalse();
        }
    }

    @Test
    void theSameRunStageAndIndexGiveTheSameSeed() {
        assertThat(WorldSeeds.curriculum(1, 2, 3)).isEqualTo(WorldSeeds.curriculum(1, 2, 3))
                .isNotEqualTo(WorldSeeds.curriculum(1, 2, 4)).isNotEqualTo(WorldSeeds.curriculum(2, 2, 3));
    }
}
