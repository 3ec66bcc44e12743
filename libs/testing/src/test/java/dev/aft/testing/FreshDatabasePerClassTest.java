package dev.aft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * With {@link HibernateReactivePersistenceTest} (whichever runs second checks the first): each class gets a
 * database no earlier class used, and the databases of finished classes are dropped.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FreshDatabasePerClassTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void thisClassesDatabaseIsNewEmptyAndEarlierOnesAreGone() throws SQLException {
        String database = sessions.withSession(session -> session
                .createNativeQuery("select current_database()", String.class).getSingleResult())
                .await().atMost(TIMEOUT);

        DatabasesSeen.checkIn(database);
        assertThat(sessions.withSession(session -> session
                .createSelectionQuery("select count(*) from ProbeRecord", Long.class).getSingleResult())
                .await().atMost(TIMEOUT)).isZero();
    }
}
