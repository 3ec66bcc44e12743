package dev.aft.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalKafkaBrokerTest {

    @Test
    void aBrokerWhoseParentDiesStopsByItselfAndCleansNothingItShouldNot() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        Path directory = Files.createTempDirectory("aft-kafka-orphan-");
        LocalKafkaBroker broker = LocalKafkaBroker.start(directory, FreePorts.next(), FreePorts.next(), parent.pid());
        try {
            assertThat(KafkaProbe.answers(broker.bootstrapServers(), Duration.ofSeconds(5))).isTrue();

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            boolean exited = broker.processHandle().onExit().thenApply(p -> true)
                    .completeOnTimeout(false, 40, TimeUnit.SECONDS).get();
            assertThat(exited).as("broker process ended after its parent died").isTrue();
            assertThat(KafkaProbe.answers(broker.bootstrapServers(), Duration.ofSeconds(2))).isFalse();
        } finally {
            parent.destroyForcibly();
            broker.close();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void aConfiguredBrokerThatAnswersIsReusedAndOneThatDoesNotIsReplaced() {
        String running = KafkaTestResource.bootstrapServers();
        assertThat(KafkaTestResource.reuseOrStart(running, () -> {
            throw new AssertionError("must not start a broker when one answers");
        })).isEqualTo(running);

        String dead = "127.0.0.1:" + FreePorts.next();
        assertThat(KafkaTestResource.reuseOrStart(dead, () -> running)).isEqualTo(running);
    }

    @Test
    void aBrokerThatCannotStartReportsItsLog() throws Exception {
        int taken = FreePorts.next();
        try (java.net.ServerSocket occupied = new java.net.ServerSocket(taken, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path directory = Files.createTempDirectory("aft-kafka-clash-");
            assertThatThrownBy(() -> LocalKafkaBroker.start(directory, taken, FreePorts.next()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the Kafka broker exited")
                    .hasMessageContaining("its log ends with");
            assertThat(directory).doesNotExist();
        }
    }
}
