package ma.observatory.run;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
}
