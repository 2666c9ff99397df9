package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.util.Version;

/**
 * What a release relies on (docs/releasing.md): a changelog in Keep a Changelog's shape with a semantic version per
 * release, {@code .ci/release-notes} that the release workflow takes the notes from, and {@code .ci/release-baselines},
 * which moves the compatibility baselines to the release.
 */
class ReleaseTests {

    static final Path CHANGELOG = Path.of("CHANGELOG.md");

    static final Pattern RELEASE = Pattern.compile("^## \\[(\\d+\\.\\d+\\.\\d+)] - \\d{4}-\\d{2}-\\d{2}$");

    static final List<String> KINDS_OF_CHANGE =
            List.of("### Added", "### Changed", "### Deprecated", "### Removed", "### Fixed", "### Security");

    @TempDir
    Path copy;

    @Test
    void theChangelogShouldStartWithUnreleasedAndListReleasesNewestFirst() throws IOException {
        List<String> headings = Files.readAllLines(CHANGELOG).stream()
                .filter(line -> line.startsWith("## ") || line.startsWith("### "))
                .toList();

        assertThat(headings).first().isEqualTo("## [Unreleased]");
        assertThat(headings)
                .as("sections are ## [Unreleased], ## [x.y.z] - yyyy-mm-dd and Keep a Changelog's kinds of change")
                .allMatch(heading -> heading.equals("## [Unreleased]")
                        || RELEASE.matcher(heading).matches()
                        || KINDS_OF_CHANGE.contains(heading));
        assertThat(releasedVersions()).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theNextVersionShouldBeNewerThanEveryRelease() throws Exception {
        String version = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile())
                .getElementsByTagName("version")
                .item(1) // the parent's comes first
                .getTextContent();

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        Version next = Version.parse(version.replace("-SNAPSHOT", ""));
        assertThat(releasedVersions()).allMatch(next::isGreaterThan);
    }

    @Test
    void releaseNotesShouldBeTheSectionOfThatVersionAlone() throws Exception {
        Path changelog = copy.resolve("CHANGELOG.md");
        Files.writeString(changelog, """
                # Changelog

                ## [Unreleased]

                ### Added

                - Not released yet.

                ## [1.1.0] - 2027-02-01

                ### Added

                - Gift wrapping.

                ### Fixed

                - A cancelled order could be paid.

                ## [1.0.0] - 2027-01-04

                - The first release.

                [Unreleased]: https://github.com/example/service/compare/v1.1.0...HEAD
                [1.1.0]: https://github.com/example/service/compare/v1.0.0...v1.1.0
                """);

        Result newer = run(".ci/release-notes", "1.1.0", changelog.toString());
        Result oldest = run(".ci/release-notes", "1.0.0", changelog.toString());

        assertThat(newer.exitCode()).isZero();
        assertThat(newer.output())
                .startsWith("### Added")
                .contains("- Gift wrapping.", "### Fixed", "- A cancelled order could be paid.")
                .doesNotContain("Not released yet", "1.0.0", "The first release");
        assertThat(oldest.output()).startsWith("- The first release.").doesNotContain("compare");
    }

    @Test
    void releaseNotesShouldRefuseAVersionTheChangelogLacks() throws Exception {
        Result result = run(".ci/release-notes", "9.9.9", CHANGELOG.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("no section '## [9.9.9] - YYYY-MM-DD'");
    }

    @Test
    void releaseBaselinesShouldMakeTheBaselinesWhatTheCodePublishes() throws Exception {
        write("contracts/http/published/openapi.json", "{\"v\": 2}");
        write("contracts/http/published/openapi.release.json", "{\"v\": 1}");
        write("contracts/events/published/orders.order-placed.v1.schema.json", "{\"grown\": true}");
        write("contracts/events/published/orders.order-gift-wrapped.v1.schema.json", "{\"new\": true}");
        write("contracts/events/release/orders.order-placed.v1.schema.json", "{\"grown\": false}");
        write("contracts/events/release/orders.order-retired.v1.schema.json", "{\"retired\": true}");
        Files.createDirectories(copy.resolve(".ci"));
        Files.copy(Path.of(".ci/release-baselines"), copy.resolve(".ci/release-baselines"));

        String command = copy.resolve(".ci/release-baselines").toString();

        Result check = run(command, "--check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(read("contracts/http/published/openapi.release.json")).isEqualTo("{\"v\": 1}");

        Result moved = run(command);
        assertThat(moved.exitCode()).isZero();
        assertThat(moved.output())
                .contains("updated contracts/http/published/openapi.release.json")
                .contains("updated contracts/events/release/orders.order-placed.v1.schema.json")
                .contains("added contracts/events/release/orders.order-gift-wrapped.v1.schema.json")
                .contains("removed contracts/events/release/orders.order-retired.v1.schema.json");
        assertThat(read("contracts/http/published/openapi.release.json")).isEqualTo("{\"v\": 2}");
        assertThat(read("contracts/events/release/orders.order-placed.v1.schema.json"))
                .isEqualTo("{\"grown\": true}");
        assertThat(read("contracts/events/release/orders.order-gift-wrapped.v1.schema.json"))
                .isEqualTo("{\"new\": true}");
        assertThat(copy.resolve("contracts/events/release/orders.order-retired.v1.schema.json"))
                .doesNotExist();
        Result again = run(command, "--check");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already match");
    }

    private static List<Version> releasedVersions() throws IOException {
        List<Version> versions = new ArrayList<>();
        for (String line : Files.readAllLines(CHANGELOG)) {
            Matcher release = RELEASE.matcher(line);
            if (release.matches()) {
                versions.add(Version.parse(release.group(1)));
            }
        }
        return versions;
    }

    private void write(String file, String content) throws IOException {
        Files.createDirectories(copy.resolve(file).getParent());
        Files.writeString(copy.resolve(file), content);
    }

    private String read(String file) throws IOException {
        return Files.readString(copy.resolve(file));
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        var bash = new ArrayList<>(List.of("bash"));
        bash.addAll(List.of(command));
        Process process = new ProcessBuilder(bash).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
