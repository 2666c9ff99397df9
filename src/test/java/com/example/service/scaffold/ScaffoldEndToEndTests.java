package com.example.service.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.scaffold.RepositoryCopy.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every verb of {@code ./scaffold}, as a team would run them, on a copy of this repository, then {@code ./mvnw
 * verify} on that copy with no hand edits: the project's own convention, architecture, contract and compatibility
 * tests judge what the scaffold generated. Slow (a second full build), so it runs in the {@code scaffold-e2e} profile:
 * {@code ./mvnw verify -Pscaffold-e2e}, which CI runs. The timings go to {@code target/scaffold-e2e/timings.txt}.
 */
class ScaffoldEndToEndTests {

    static final Path COPY = Path.of("target/scaffold-e2e/repository").toAbsolutePath();
    /** The template's own package, spelled so that {@code ./scaffold init} leaves it alone. */
    static final String TEMPLATE_PACKAGE = String.join("/", "com", "example", "service");

    static final Path BARE = Path.of("target/scaffold-e2e/bare").toAbsolutePath();
    static final Path TIMINGS = Path.of("target/scaffold-e2e/timings.txt");

    final List<String> timings = new ArrayList<>();

    @BeforeAll
    static void forgetEarlierTimings() throws IOException {
        Files.deleteIfExists(TIMINGS);
    }

    @Test
    void theRepositoryShouldStillPassVerifyAfterEveryVerb() throws IOException {
        RepositoryCopy copy = RepositoryCopy.of(COPY).withoutChangeRecords();
        if (copy.baseDir().equals(TEMPLATE_PACKAGE)) {
            run(copy, "init", "--group", "org.acme", "--artifact", "parcels", "--package", "org.acme.parcels");
        }
        if (copy.domainModules().isEmpty()) {
            run(copy, "module", "catalog", "--team", "catalog-team");
        }
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
        // The API document is refreshed once, by the second endpoint below (--skip-baseline leaves it to a later run).
        run(
                copy,
                "endpoint",
                module,
                "POST",
                "/api/gift-wraps/{id}/requests",
                "--name",
                "requestGiftWrap",
                "--skip-baseline");
        run(copy, "event", module, "GiftWrapRequested");
        run(copy, "consumer", module, "wrappers.gift-wrap-finished.v1");
        run(copy, "job", module, "purge-abandoned-gift-wraps", "--every", "30m");
        run(copy, "client", module, "wrapper");
        run(copy, "change", "Invoices for delivered gift wraps", "--module", "invoicing", "--team", "invoicing-team");
        run(copy, "module", "invoicing", "--team", "invoicing-team", "--description", "Invoicing: invoices.");
        run(copy, "endpoint", "invoicing", "GET", "/api/invoices/{invoiceId}", "--name", "getInvoice");
        run(copy, "event", "invoicing", "InvoiceIssued");
        run(copy, "job", "invoicing", "send-reminders");

        verify(copy);
    }

    @Test
    void aServiceStartedWithoutTheExamplesShouldPassVerifyWithItsFirstModule() throws IOException {
        RepositoryCopy copy = RepositoryCopy.of(BARE).withoutChangeRecords();
        if (copy.baseDir().equals(TEMPLATE_PACKAGE)) {
            run(
                    copy,
                    "init",
                    "--group",
                    "org.acme",
                    "--artifact",
                    "bare",
                    "--package",
                    "org.acme.bare",
                    "--without-examples");
        }
        run(copy, "change", "Customers can browse the catalogue", "--module", "catalog", "--team", "catalog-team");
        run(copy, "module", "catalog", "--team", "catalog-team");
        run(copy, "endpoint", "catalog", "GET", "/api/catalog/items/{sku}", "--name", "getItem");
        run(copy, "event", "catalog", "ItemListed");
        run(copy, "client", "catalog", "supplier");

        verify(copy);
    }

    private void verify(RepositoryCopy copy) throws IOException {
        // -V: Maven prints its version and the JDK's first (JAVA_HOME: the scaffold-e2e.java-home setting)
        Result verify = copy.run(Duration.ofMinutes(40), "./mvnw", "-B", "-V", "verify");
        Matcher jdk = Pattern.compile("Java version: ([^,\\s]+)").matcher(verify.output());
        timings.add("./mvnw verify on %s (Java %s): %d s"
                .formatted(
                        copy.root.getFileName(),
                        jdk.find() ? jdk.group(1) : "?",
                        verify.took().toSeconds()));
        Files.createDirectories(TIMINGS.getParent());
        Files.write(TIMINGS, timings, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);

        assertThat(verify.status())
                .as("./mvnw verify on %s after the verbs (its output ends: %s)", copy.root, tail(verify.output()))
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
        assertThat(again.output()).as("./scaffold %s again", List.of(arguments)).containsIgnoringCase("nothing to do");
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 6000));
    }
}
