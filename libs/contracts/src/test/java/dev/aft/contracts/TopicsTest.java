package dev.aft.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyEventTypeTravelsOnAKnownTopic() {
        assertThat(Topics.ALL).containsAll(Arrays.stream(EventType.values()).map(EventType::topic).toList());
    }

    @Test
    void aPrefixReplacesTheDefaultOne() {
        assertThat(Topics.withPrefix("team1.aft.", Topics.DATASETS)).isEqualTo("team1.aft.datasets");
        assertThat(Topics.withPrefix(Topics.DEFAULT_PREFIX, Topics.MODELS)).isEqualTo(Topics.MODELS);
        assertThat(Topics.deadLetter(Topics.MODELS)).isEqualTo("aft.models.dlq");
        assertThatThrownBy(() -> Topics.withPrefix("", Topics.MODELS)).isInstanceOf(IllegalArgumentException.class);
    }
}
