package ma.observatory.run;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.ApplicationDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.SqlInitializationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool, pointed at the database the way {@link DatabaseAccess} decided (served,
 * through the scheduler's server, or the file). The pool depends on the access, so Spring closes
 * the pool first and only then shuts the database (and its server) down.
 */
@Configuration(proxyBeanMethods = false)
// Boot's initializer gives way to the one below, and its binding of spring.sql.init.* with it
@EnableConfigurationProperties(SqlInitializationProperties.class)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseAccess databaseAccess(Environment env) {
        return DatabaseAccess.open(Path.of(env.getRequiredProperty("observatory.db")),
                env.getProperty("observatory.db-user", "observatory"),
                env.getProperty("observatory.db-password", ""),
                env.getProperty("observatory.db-server-port", Integer.class, 9137),
                env.getProperty("observatory.schedule", Boolean.class, false));
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseAccess access) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(access.url());
        pool.setUsername(access.user());
        pool.setPassword(access.password());
        pool.setPoolName("observatory-" + access.mode().name().toLowerCase(java.util.Locale.ROOT));
        return pool;
    }

    // A run that reached the database through a scheduler's server leaves the tables as that scheduler
    // made them. There even CREATE ... IF NOT EXISTS waits for every transaction going on to end, and
    // holds every statement after it, the scheduler's night included: a run that hangs would freeze
    // them all. And a scheduler of an earlier version would have its tables changed under it, where
    // SchemaVersion refuses the run instead. Decided on how this process reached the database, not on
    // the owner file, which an operator may have deleted while the scheduler kept serving.

    /** Boot's run of {@code schema.sql}, but for a run using the scheduler's server. */
    @Bean
    ApplicationDataSourceScriptDatabaseInitializer dataSourceScriptDatabaseInitializer(DataSource dataSource,
            SqlInitializationProperties properties, DatabaseAccess access) {
        return new ApplicationDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                return access.mode() != DatabaseAccess.Mode.CLIENT && super.initializeDatabase();
            }
        };
    }

    /** Boot's run of Batch's own schema script, but for a run using the scheduler's server. */
    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
            BatchJdbcProperties properties, DatabaseAccess access) {
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                return access.mode() != DatabaseAccess.Mode.CLIENT && super.initializeDatabase();
            }
        };
    }
}
