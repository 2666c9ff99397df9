package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub workflows run only code they name exactly: every action pinned to a full commit SHA with its version in
 * a comment (Renovate keeps both current), read-only permissions unless a job asks for more, and a time limit.
 */
class WorkflowTests {

    static final Path WORKFLOWS = Path.of(".github/workflows");

    static final Pattern PINNED =
            Pattern.compile("^\\s*(- )?uses: [\\w.-]+/[\\w.-]+(/[\\w./-]+)?@[0-9a-f]{40} # v\\d+(\\.\\d+){0,2}$");

    @Test
    void everyActionShouldBePinnedToACommitWithItsVersionInAComment() throws IOException {
        for (Path workflow : workflows()) {
            assertThat(Files.readAllLines(workflow).stream().filter(line -> line.contains("uses:")))
                    .as("%s: uses: owner/repo@<40-character commit SHA> # v<version>", workflow)
                    .allMatch(line -> PINNED.matcher(line).matches());
        }
    }

    @Test
    void everyWorkflowShouldStartReadOnlyAndEveryJobShouldHaveATimeLimit() throws IOException {
        for (Path workflow : workflows()) {
            Map<String, Object> definition = new Yaml().load(Files.readString(workflow));

            assertThat(definition.get("permissions"))
                    .as("%s: top-level permissions (jobs ask for more themselves)", workflow)
                    .isIn(Map.of("contents", "read"), "read-all");
            assertThat(jobs(definition))
                    .as("%s: every job has timeout-minutes", workflow)
                    .isNotEmpty()
                    .allSatisfy((name, job) -> assertThat(job).containsKey("timeout-minutes"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> jobs(Map<String, Object> definition) {
        return (Map<String, Map<String, Object>>) definition.get("jobs");
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            List<Path> workflows = files.filter(file -> file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
            assertThat(workflows).isNotEmpty();
            return workflows;
        }
    }
}
