package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** {@code schema.sql} records the version {@link SchemaVersion#CURRENT} names, and never lowers it. */
class SchemaVersionTest {

    private final DriverManagerDataSource ds = new DriverManagerDataSource(
            "jdbc:hsqldb:mem:schema-" + UUID.randomUUID(), "SA", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(ds);

    private void makeTables() {
        new ResourceDatabasePopulator(new ClassPathResource("db/hsqldb/schema.sql")).execute(ds);
    }

    @Test
    void tablesMadeBeforeTheVersionWasRecordedAreVersionZero() {
        assertThat(SchemaVersion.of(jdbc)).isZero();
    }

    @Test
    void theSchemaRecordsTheProgramsVersionOnceHoweverOftenItIsApplied() {
        makeTables();
        makeTables();

        assertThat(SchemaVersion.of(jdbc)).isEqualTo(SchemaVersion.CURRENT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schema_version", Integer.class)).isOne();
    }

    @Test
    void anEarlierVersionStartedOnTablesALaterOneMadeLeavesTheirVersion() {
        makeTables();
        // what an earlier jar's schema.sql cannot lower: it has no such statement, and this one raises only
        jdbc.update("UPDATE schema_version SET version = ?", SchemaVersion.CURRENT + 1);
        makeTables();

        assertThat(SchemaVersion.of(jdbc)).isEqualTo(SchemaVersion.CURRENT + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schema_version", Integer.class)).isOne();
    }
}
