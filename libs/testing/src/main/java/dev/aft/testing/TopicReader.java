package dev.aft.testing;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.InvalidEventException;
import dev.aft.contracts.serde.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the test broker from its beginning with a plain Kafka consumer (no group, no commits), so
 * tests can assert on exactly what was published: keys, bytes, and how many events matched.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    private TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true));
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A reader of {@code topic} on the broker {@link KafkaTestResource} provides. */
    public static TopicReader fromBeginning(String topic) {
        return new TopicReader(KafkaTestResource.bootstrapServers(), topic);
    }

    /**
     * Polls until {@code count} decodable events match, or the timeout passes, then keeps polling for
     * {@code settle} to catch duplicates; returns every match seen (so callers can assert "exactly one").
     */
    public List<EventEnvelope<?>> awaitEvents(Predicate<EventEnvelope<?>> match, int count, Duration timeout,
            Duration settle) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(match).size() < count && System.nanoTime() < deadline) {
            poll();
        }
        long settleUntil = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < settleUntil) {
            poll();
        }
        return matching(match);
    }

    /** Every event of one experiment, waiting until at least {@code count} arrived. */
    public List<EventEnvelope<?>> awaitExperiment(String experimentId, int count, Duration timeout) {
        return awaitEvents(e -> e.experimentId().equals(experimentId), count, timeout, Duration.ZERO);
    }

    /** The raw records read so far. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }

    private List<EventEnvelope<?>> matching(Predicate<EventEnvelope<?>> match) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope<?> event = EventCodec.decode(record.value());
                if (match.test(event)) {
                    events.add(event);
                }
            } catch (InvalidEventException e) {
                // poison records on the topic are some other test's business
            }
        }
        return events;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
