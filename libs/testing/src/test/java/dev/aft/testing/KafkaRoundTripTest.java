package dev.aft.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.Stage;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.testing.probe.ProgressChannel;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class KafkaRoundTripTest {

    @Inject
    ProgressChannel channel;

    @Test
    void anEventSentThroughTheRealBrokerComesBackEqualAndKeyedByItsExperiment() throws Exception {
        EventEnvelope<StageProgressed> event = progressEvent();

        channel.send(event).toCompletableFuture().get(60, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).until(() -> channel.received(event.id()).isPresent());
        ProgressChannel.Received received = channel.received(event.id()).orElseThrow();
        assertThat(received.event()).isEqualTo(event);
        assertThat(received.key()).isEqualTo(event.experimentId());
        assertThat(received.topic()).isEqualTo(Topics.PROGRESS);
    }

    @Test
    void theRecordOnTheTopicIsTheContractsEncoding() throws Exception {
        EventEnvelope<StageProgressed> event = progressEvent();
        channel.send(event).toCompletableFuture().get(60, TimeUnit.SECONDS);

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROGRESS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            ConsumerRecord<String, byte[]> found = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (found == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (EventCodec.decode(record.value()).id().equals(event.id())) {
                        found = record;
                    }
                }
            }
            assertThat(found).as("record of event %s on %s", event.id(), Topics.PROGRESS).isNotNull();
            assertThat(found.key()).isEqualTo(event.experimentId());
            assertThat(found.value()).isEqualTo(EventCodec.encode(event));
        }
    }

    private static EventEnvelope<StageProgressed> progressEvent() {
        return EventEnvelope.of("exp-" + UUID.randomUUID(), null, "aft-testing",
                new StageProgressed(Stage.TRAINING, "run-1", 3, 10, "step 3 of 10"));
    }
}
