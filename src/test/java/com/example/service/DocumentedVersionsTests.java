package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents name no version the build does not use: every {@code x.y.z} in the README, AGENTS.md, the docs, the
 * runbooks and the contracts' README is written in {@code pom.xml} or the Maven wrapper's properties, or is the
 * version of a library the build resolved. The changelog names past versions by design and is not checked.
 */
class DocumentedVersionsTests {

    static final List<Path> DOCUMENTS = List.of(
            Path.of("README.md"),
            Path.of("AGENTS.md"),
            Path.of("CONTRIBUTING.md"),
            Path.of("SECURITY.md"),
            Path.of("contracts/README.md"),
            Path.of("docs"),
            Path.of("runbooks"));

    /** Three dotted numbers, not part of a longer dotted number such as an IP address. */
    static final Pattern VERSION = Pattern.compile("(?<![\\d.])\\d+\\.\\d+\\.\\d+(?!\\.?\\d)");

    @Test
    void everyVersionInTheDocumentsShouldBeOneTheBuildDefines() throws IOException {
        String defined = Files.readString(Path.of("pom.xml"))
                + Files.readString(Path.of(".mvn/wrapper/maven-wrapper.properties"))
                + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

        List<String> undefined = new ArrayList<>();
        for (Path document : documents()) {
            List<String> lines = Files.readAllLines(document);
            for (int number = 1; number <= lines.size(); number++) {
                Matcher version = VERSION.matcher(lines.get(number - 1));
                while (version.find()) {
                    if (!defined.contains(version.group())) {
                        undefined.add(document + ":" + number + ": " + version.group());
                    }
                }
            }
        }

        assertThat(undefined)
                .as("versions the build does not define: name the library without its version, or change pom.xml")
                .isEmpty();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        for (Path path : DOCUMENTS) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(file -> file.toString().endsWith(".md"))
                            .sorted()
                            .forEach(documents::add);
                }
            } else if (Files.exists(path)) {
                documents.add(path);
            }
        }
        return documents;
    }
}
