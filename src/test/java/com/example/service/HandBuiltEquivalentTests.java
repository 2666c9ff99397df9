package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTTP benchmark's hand-built equivalent runs on the service's Boot version, so the ratios compare like with like. */
class HandBuiltEquivalentTests {

    private static final Pattern PARENT_VERSION =
            Pattern.compile("<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void buildsOnTheServicesSpringBootVersion() throws Exception {
        assertThat(parentVersion(Path.of("src/benchmark/hand-built/pom.xml")))
                .isEqualTo(parentVersion(Path.of("pom.xml")));
    }

    private static String parentVersion(Path pom) throws Exception {
        Matcher version = PARENT_VERSION.matcher(Files.readString(pom));
        assertThat(version.find())
                .as("%s names spring-boot-starter-parent with a version", pom)
                .isTrue();
        return version.group(1);
    }
}
