package com.example.service.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/** Whether the local infrastructure runs in containers: {@code container}, {@code embedded}, or decided here. */
final class LocalDocker {

    private LocalDocker() {}

    /**
     * {@code true} for containers. The environment variable {@code LOCAL_<NAME>} or system property
     * {@code local.<name>} ({@code container|embedded}) forces the choice; else containers where Docker is reachable.
     */
    static boolean useContainers(String name) {
        String forced = System.getProperty(
                "local." + name, System.getenv().getOrDefault("LOCAL_" + name.toUpperCase(java.util.Locale.ROOT), ""));
        return switch (forced) {
            case "container" -> true;
            case "embedded" -> false;
            default -> mayBeReachable() && DockerClientFactory.instance().isDockerAvailable();
        };
    }

    /** A cheap look before asking Testcontainers, which logs an error when it finds no engine. */
    private static boolean mayBeReachable() {
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
    }
}
