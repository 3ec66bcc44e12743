package dev.aft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.testing.probe.ProbeRecord;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class HibernateReactivePersistenceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void anEntityPersistedInOneTransactionIsReadBackInAnother() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ProbeRecord record = ProbeRecord.of("exp-42", "ünïcödé and a long note ".repeat(20), at);

        sessions.withTransaction(session -> session.persist(record)).await().atMost(TIMEOUT);

        ProbeRecord found = sessions.withSession(session -> session.find(ProbeRecord.class, record.id))
                .await().atMost(TIMEOUT);
        assertThat(found).isNotNull().isNotSameAs(record);
        assertThat(found.experimentId).isEqualTo("exp-42");
        assertThat(found.note).isEqualTo(record.note);
        assertThat(found.recordedAt).isEqualTo(at);
        assertThat(sessions.withSession(session -> session
                .createSelectionQuery("select count(*) from ProbeRecord", Long.class).getSingleResult())
                .await().atMost(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void theClassRunsAgainstADatabaseOfItsOwn() throws java.sql.SQLException {
        String database = sessions.withSession(session -> session
                .createNativeQuery("select current_database()", String.class).getSingleResult())
                .await().atMost(TIMEOUT);
        DatabasesSeen.checkIn(database);
    }
}
