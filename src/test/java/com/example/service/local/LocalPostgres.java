package com.example.service.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for the local run and the integration tests: a Testcontainers container where a Docker
 * engine is reachable, else an embedded server from Maven Central. The environment variable
 * {@code LOCAL_POSTGRES=embedded|container} (or the system property {@code local.postgres}) forces the choice.
 */
public sealed interface LocalPostgres extends AutoCloseable {

    String jdbcUrl();

    String username();

    String password();

    /** How this server was started, for the {@code Local infrastructure:} line. */
    String kind();

    @Override
    void close();

    static LocalPostgres start() {
        return LocalDocker.useContainers("postgres") ? Container.start() : Embedded.start();
    }

    record Container(PostgreSQLContainer server) implements LocalPostgres {

        static Container start() {
            PostgreSQLContainer server = new PostgreSQLContainer("postgres:17-alpine");
            server.start();
            return new Container(server);
        }

        public String jdbcUrl() {
            return server.getJdbcUrl();
        }

        public String username() {
            return server.getUsername();
        }

        public String password() {
            return server.getPassword();
        }

        public String kind() {
            return "container " + server.getDockerImageName();
        }

        public void close() {
            server.stop();
        }
    }

    record Embedded(EmbeddedPostgres server) implements LocalPostgres {

        static Embedded start() {
            try {
                // Spring closes it with the context; zonky's own shutdown hook would race that.
                return new Embedded(EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        }

        public String username() {
            return "postgres";
        }

        public String password() {
            return "postgres";
        }

        public String kind() {
            return "embedded";
        }

        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
