package com.example.service.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.scaffold.RepositoryCopy.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./scaffold}'s own rules, on a copy of the repository: a dry run writes nothing, a verb run twice changes
 * nothing the second time, bad input is refused with a clear message and nothing written, and a module another team
 * owns needs an approver. (That what it generates passes {@code ./mvnw verify} is {@link ScaffoldEndToEndTests}'.)
 */
class ScaffoldTests {

    static final String REQUIREMENT = "Customers can ask for an order to be gift wrapped";

    @Test
    void dryRunShouldListEveryFileItWouldWriteAndWriteNothing() {
        RepositoryCopy copy = copy("dry-run");
        ok(copy.scaffold("change", REQUIREMENT, "--module", "orders"));
        Map<String, String> before = copy.snapshot();

        Result result = copy.scaffold("endpoint", "orders", "POST", "/api/orders/{id}/gift-wrap", "--dry-run");

        ok(result);
        assertThat(result.output())
                .contains("would create  src/main/java/com/example/service/orders/web/PostGiftWrapController.java")
                .contains("would create  contracts/provider/api/orders/postGiftWrap.yml")
                .contains("would change  src/main/java/com/example/service/orders/OrdersFeatures.java")
                .contains("would run ./mvnw")
                .contains("Dry run: nothing written.");
        assertThat(copy.snapshot()).isEqualTo(before);
    }

    @Test
    void everyVerbRunTwiceShouldChangeNothingTheSecondTime() {
        RepositoryCopy copy = copy("twice");
        List<List<String>> verbs = List.of(
                List.of("change", REQUIREMENT, "--module", "orders"),
                List.of("endpoint", "orders", "POST", "/api/orders/{id}/gift-wrap", "--name", "giftWrap"),
                List.of("event", "orders", "OrderGiftWrapped"),
                List.of("consumer", "orders", "payments.refund-issued.v1"),
                List.of("job", "orders", "purge-abandoned-carts"),
                List.of("module", "billing", "--team", "billing-team"),
                List.of("change", "Shipments declare their contents to customs", "--module", "shipping"),
                List.of("client", "shipping", "customs"));
        for (List<String> verb : verbs) {
            Map<String, String> before = copy.snapshot();
            ok(scaffoldWithoutMaven(copy, verb));
            Map<String, String> after = copy.snapshot();
            assertThat(after).as("./scaffold %s changes files", verb).isNotEqualTo(before);

            Result again = scaffoldWithoutMaven(copy, verb);

            ok(again);
            assertThat(again.output()).as("./scaffold %s again", verb).contains("nothing to do");
            assertThat(copy.snapshot()).as("./scaffold %s again", verb).isEqualTo(after);
        }
        assertThat(copy.read("src/main/java/com/example/service/orders/OrdersFeatures.java"))
                .contains("ORDERS_GIFT_WRAP,", "ORDERS_PURGE_ABANDONED_CARTS_JOB,");
        assertThat(copy.read("src/main/java/com/example/service/orders/web/GiftWrapController.java"))
                .contains("See docs/changes/0001-customers-ask-order-gift-wrapped.md")
                .doesNotContainIgnoringCase("generated");
    }

    @Test
    void badInputShouldBeRefusedWithAClearMessageAndNothingWritten() {
        RepositoryCopy copy = copy("refused");
        assertRefused(copy, "no change record yet", "endpoint", "orders", "GET", "/api/orders/{id}/notes");
        ok(copy.scaffold("change", REQUIREMENT, "--module", "orders"));

        assertRefused(copy, "unknown verb 'frobnicate'", "frobnicate");
        assertRefused(copy, "unknown module 'billing'", "endpoint", "billing", "GET", "/api/invoices");
        assertRefused(copy, "platform is the shared module", "job", "platform", "tidy-up");
        assertRefused(copy, "is not an HTTP method", "endpoint", "orders", "FETCH", "/api/orders/x");
        assertRefused(copy, "is not a valid API path", "endpoint", "orders", "GET", "/orders/Notes");
        assertRefused(copy, "exists already", "endpoint", "orders", "POST", "/api/orders/{id}/cancel");
        assertRefused(copy, "not in the past tense", "event", "orders", "OrderGiftWrap");
        assertRefused(copy, "is not an event name", "event", "orders", "wrapped");
        assertRefused(copy, "is not a valid job name", "job", "orders", "Purge_Carts");
        assertRefused(copy, "published by this service's own module", "consumer", "orders", "shipping.x-done.v1");
        assertRefused(copy, "is not a topic name", "consumer", "orders", "refunds");
        assertRefused(copy, "is a module of this service", "client", "orders", "shipping");
        assertRefused(
                copy,
                "the flag ORDERS_CANCELLATION exists already",
                "endpoint",
                "orders",
                "POST",
                "/api/orders/{id}/cancellation",
                "--name",
                "cancellation");
        assertRefused(
                copy,
                "module orders exists and is owned by @example/orders-team",
                "module",
                "orders",
                "--team",
                "billing-team");
        assertRefused(copy, "unknown option --colour", "job", "orders", "purge", "--colour", "red");
    }

    @Test
    void aModuleOwnedByAnotherTeamShouldNeedAnApproverInTheChangeRecord() {
        RepositoryCopy copy = copy("ownership");
        ok(copy.scaffold("change", REQUIREMENT, "--module", "orders"));

        assertRefused(
                copy,
                "module shipping is owned by @example/shipping-team, but change 0001 belongs to"
                        + " @example/orders-team",
                "job",
                "shipping",
                "resend-labels");

        ok(copy.scaffold(
                "change",
                "Labels are resent when a carrier loses them",
                "--module",
                "orders",
                "--approver",
                "@shipping-lead"));
        ok(scaffoldWithoutMaven(copy, List.of("job", "shipping", "resend-labels")));
    }

    private static Result scaffoldWithoutMaven(RepositoryCopy copy, List<String> verb) {
        List<String> arguments = new java.util.ArrayList<>(verb);
        if (verb.get(0).equals("endpoint")) {
            arguments.add("--skip-baseline");
        }
        arguments.add("--no-format");
        return copy.scaffold(arguments.toArray(String[]::new));
    }

    private static void assertRefused(RepositoryCopy copy, String message, String... arguments) {
        Map<String, String> before = copy.snapshot();

        Result result = copy.scaffold(arguments);

        assertThat(result.status())
                .as("exit status of ./scaffold %s", List.of(arguments))
                .isEqualTo(2);
        assertThat(result.output()).as("./scaffold %s", List.of(arguments)).contains("scaffold: ", message);
        assertThat(copy.snapshot())
                .as("files after ./scaffold %s", List.of(arguments))
                .isEqualTo(before);
    }

    private static void ok(Result result) {
        assertThat(result.status()).as(result.output()).isZero();
    }

    private static RepositoryCopy copy(String name) {
        return RepositoryCopy.of(Path.of("target/scaffold-tests", name).toAbsolutePath());
    }
}
