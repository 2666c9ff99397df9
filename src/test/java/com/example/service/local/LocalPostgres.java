package com.example.service.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for the local run and the integration tests: a Testcontainers container where a Docker
 * engine is reachable, else an embedded server from Maven Central. The environment variable
 * {@code LOCAL_POSTGRES=embedded|container} (or the system property {@code local.postgres}) forces the choice.
 */
sealed interface LocalPostgres extends AutoCloseable {

    String jdbcUrl();

    String username();

    String password();

    /** How this server was started, for the {@code Local infrastructure:} line. */
    String kind();

    @Override
    void close();

    static LocalPostgres start() {
        String forced = System.getProperty("local.postgres", System.getenv().getOrDefault("LOCAL_POSTGRES", ""));
        boolean container = switch (forced) {
            case "container" -> true;
            case "embedded" -> false;
            default -> dockerMayBeReachable() && DockerClientFactory.instance().isDockerAvailable();
        };
        return container ? Container.start() : Embedded.start();
    }

    /** A cheap look before asking Testcontainers, which logs an error when it finds no engine. */
    private static boolean dockerMayBeReachable() {
        return System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                || java.nio.file.Files.exists(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
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
