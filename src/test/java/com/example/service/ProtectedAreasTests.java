package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code .ci/protected-areas}, the command the pull-request workflow runs: it names every protected area a change
 * touches, and fails the check without the approval label.
 */
class ProtectedAreasTests {

    static final String MAIN =
            "src/main/java/" + ServiceApplication.class.getPackageName().replace('.', '/');

    @Test
    void aChangeToAContractAndTheSecurityConfigurationShouldNeedApproval() throws Exception {
        Result result = run(
                false,
                "contracts/events/published/orders.order-placed.v1.schema.json",
                MAIN + "/platform/security/SecurityConfiguration.java",
                "README.md");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .contains("contracts", "orders.order-placed.v1.schema.json")
                .contains("security", "SecurityConfiguration.java")
                .contains("protected-change-approved")
                .doesNotContain("README.md");
    }

    @Test
    void anApprovedChangeShouldPass() throws Exception {
        Result result = run(true, "src/main/resources/db/migration/platform/V9__something.sql");

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("shared-schema");
    }

    @Test
    void aChangeInsideOneModuleShouldTouchNothingProtected() throws Exception {
        Result result = run(
                false,
                MAIN + "/inventory/web/StockController.java",
                "src/main/resources/db/migration/inventory/V9__more.sql");

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("No protected area touched.");
    }

    private static Result run(boolean approved, String... changedFiles) throws IOException, InterruptedException {
        var command =
                new ProcessBuilder("bash", ".ci/protected-areas", "--check", "--files", "-").redirectErrorStream(true);
        command.environment().put("APPROVED", String.valueOf(approved));
        Process process = command.start();
        process.getOutputStream().write(String.join("\n", changedFiles).getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
