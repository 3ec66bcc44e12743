package dev.aft.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Waits until a broker answers, then creates the topics that are missing.
 *
 * <pre>java -cp 'target/lib/*' dev.aft.broker.EnsureTopics BOOTSTRAP TIMEOUT_SECONDS PARTITIONS TOPIC...</pre>
 *
 * Exit code 0 when every topic exists afterwards, 1 when the broker did not answer in time, 2 on bad arguments.
 */
public final class EnsureTopics {

    private EnsureTopics() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: EnsureTopics BOOTSTRAP TIMEOUT_SECONDS PARTITIONS TOPIC...");
            System.exit(2);
        }
        String bootstrap = args[0];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        int partitions = Integer.parseInt(args[2]);
        List<String> wanted = List.of(args).subList(3, args.length);

        Properties config = new Properties();
        config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = null;
            while (existing == null) {
                try {
                    existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        System.err.println("no Kafka broker answered at " + bootstrap + ": " + e.getMessage());
                        System.exit(1);
                    }
                    Thread.sleep(250);
                }
            }
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : wanted) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    System.out.println("created topic " + entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        System.err.println("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage());
                        System.exit(1);
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    System.err.println("creating topic " + entry.getKey() + " timed out");
                    System.exit(1);
                }
            }
            System.out.println(wanted.size() + " topics present (" + missing.size() + " created)");
        }
    }
}
