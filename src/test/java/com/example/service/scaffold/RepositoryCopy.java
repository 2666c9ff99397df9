package com.example.service.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A copy of this repository's working tree (without build output and Git data) to run {@code ./scaffold} in. */
final class RepositoryCopy {

    static final Path ROOT = Path.of("").toAbsolutePath();

    final Path root;

    private RepositoryCopy(Path root) {
        this.root = root;
    }

    static RepositoryCopy of(Path target) {
        try {
            deleteRecursively(target);
            // Excluded folders are not entered: another copy may be building under target/ meanwhile.
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                        throws IOException {
                    if (!copied(directory)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(
                            target.resolve(ROOT.relativize(directory).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (copied(file)) {
                        Files.copy(
                                file,
                                target.resolve(ROOT.relativize(file).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return new RepositoryCopy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean copied(Path file) {
        Path relative = ROOT.relativize(file);
        return relative.getNameCount() == 0
                || !(relative.getName(0).toString().equals("target")
                        || relative.getName(0).toString().equals(".git")
                        || relative.getName(0).toString().equals(".idea"));
    }

    /** Runs a command in the copy; answers its exit status and everything it printed. */
    Result run(Duration timeout, String... command) {
        try {
            Path log = Files.createTempFile("scaffold", ".log");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Result(process.exitValue(), output, took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result scaffold(String... arguments) {
        List<String> command = new ArrayList<>(List.of("./scaffold"));
        command.addAll(List.of(arguments));
        return run(Duration.ofMinutes(5), command.toArray(String[]::new));
    }

    /** Every file of the copy (outside target/) with a digest of its content: what a command changed shows here. */
    Map<String, String> snapshot() {
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, String> digests = new TreeMap<>();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString();
                if (!relative.startsWith("target/")) {
                    digests.put(relative, HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
                }
            }
            return digests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String read(String file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code com/example/service}: where the {@code @SpringBootApplication} class of the copy is. */
    String baseDir() {
        try (Stream<Path> files = Files.walk(root.resolve("src/main/java"))) {
            Path application = files.filter(file -> file.toString().endsWith("Application.java"))
                    .filter(file -> read(root.relativize(file).toString()).contains("@SpringBootApplication"))
                    .findFirst()
                    .orElseThrow();
            return root.resolve("src/main/java")
                    .relativize(application.getParent())
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The domain modules of the copy (every module but platform), sorted. */
    List<String> domainModules() {
        try (Stream<Path> dirs = Files.list(root.resolve("src/main/java").resolve(baseDir()))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("package-info.java")))
                    .filter(dir -> read(root.relativize(dir.resolve("package-info.java"))
                                    .toString())
                            .contains("@ApplicationModule"))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> !name.equals("platform"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the change records, so that the copy starts with no open change whatever the repository holds. */
    RepositoryCopy withoutChangeRecords() {
        try (Stream<Path> files = Files.list(root.resolve("docs/changes"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{4}-.*\\.md"))
                    .toList()) {
                Files.delete(file);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    record Result(int status, String output, Duration took) {}
}
