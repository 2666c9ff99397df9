package com.example.service.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.scaffold.RepositoryCopy.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every verb of {@code ./scaffold}, as a team would run them, on a copy of this repository, then {@code ./mvnw
 * verify} on that copy with no hand edits: the project's own convention, architecture, contract and compatibility
 * tests judge what the scaffold generated. Slow (a second full build), so it runs in the {@code scaffold-e2e} profile:
 * {@code ./mvnw verify -Pscaffold-e2e}, which CI runs. The timings go to {@code target/scaffold-e2e/timings.txt}.
 */
class ScaffoldEndToEndTests {

    static final Path COPY = Path.of("target/scaffold-e2e/repository").toAbsolutePath();
    static final Path TIMINGS = Path.of("target/scaffold-e2e/timings.txt");

    final List<String> timings = new ArrayList<>();

    @Test
    void theRepositoryShouldStillPassVerifyAfterEveryVerb() throws IOException {
        RepositoryCopy copy = RepositoryCopy.of(COPY).withoutChangeRecords();
        String module = copy.domainModules().get(0);

        run(
                copy,
                "change",
                "Customers can ask for an item to be gift wrapped",
                "--module",
                module,
                "--contracts",
                "POST /api/gift-wraps/{id}/requests; " + module + ".gift-wrap-requested.v1",
                "--latency",
                "p99 under 300 ms",
                "--error-budget",
                "99.9% of requests succeed",
                "--throughput",
                "5 requests/s",
                "--retention",
                "as the items",
                "--rollout",
                "flags on for internal customers, then everyone");
        run(copy, "endpoint", module, "POST", "/api/gift-wraps/{id}/requests", "--name", "requestGiftWrap");
        run(copy, "event", module, "GiftWrapRequested");
        run(copy, "consumer", module, "wrappers.gift-wrap-finished.v1");
        run(copy, "job", module, "purge-abandoned-gift-wraps", "--every", "30m");
        run(copy, "client", module, "wrapper");
        run(copy, "change", "Invoices for delivered gift wraps", "--module", "invoicing", "--team", "invoicing-team");
        run(copy, "module", "invoicing", "--team", "invoicing-team", "--description", "Invoicing: invoices.");
        run(copy, "endpoint", "invoicing", "GET", "/api/invoices/{invoiceId}", "--name", "getInvoice");
        run(copy, "event", "invoicing", "InvoiceIssued");
        run(copy, "job", "invoicing", "send-reminders");

        Result verify = copy.run(Duration.ofMinutes(40), "./mvnw", "-B", "-o", "verify");
        timings.add("./mvnw verify on the copy: %d s".formatted(verify.took().toSeconds()));
        Files.createDirectories(TIMINGS.getParent());
        Files.write(TIMINGS, timings);

        assertThat(verify.status())
                .as("./mvnw verify on %s after every verb (its output ends: %s)", COPY, tail(verify.output()))
                .isZero();
        assertThat(verify.output()).contains("Tests run:", "BUILD SUCCESS").doesNotContain("Tests run: 0,");
    }

    private void run(RepositoryCopy copy, String... arguments) {
        Result result = copy.scaffold(arguments);
        timings.add("./scaffold %s: %.1f s"
                .formatted(String.join(" ", arguments), result.took().toMillis() / 1000.0));
        assertThat(result.status())
                .as("./scaffold %s%n%s", List.of(arguments), result.output())
                .isZero();
        Result again = copy.scaffold(arguments);
        assertThat(again.output()).as("./scaffold %s again", List.of(arguments)).contains("nothing to do");
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 6000));
    }
}
