package com.example.service.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.scaffold.RepositoryCopy.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./scaffold}'s own rules, on a copy of the repository (whatever modules and change records it holds): a dry
 * run writes nothing, a verb run twice changes nothing the second time, bad input is refused with a clear message and
 * nothing written, and a module another team owns needs an approver. That what it generates passes {@code ./mvnw
 * verify} is {@link ScaffoldEndToEndTests}' job.
 */
class ScaffoldTests {

    static final String REQUIREMENT = "Customers can ask for a scaffold check";
    static final String CHECKS = "scaffoldcheck";
    static final String TEMPLATE_PACKAGE = String.join("/", "com", "example", "service");

    @Test
    void dryRunShouldListEveryFileItWouldWriteAndWriteNothing() {
        RepositoryCopy copy = copy("dry-run");
        String module = domainModule(copy);
        ok(copy.scaffold("change", REQUIREMENT, "--module", module));
        Map<String, String> before = copy.snapshot();

        Result result = copy.scaffold(
                "endpoint", module, "POST", "/api/scaffold-checks/{id}/passes", "--name", "passCheck", "--dry-run");

        ok(result);
        assertThat(result.output())
                .contains("would create  src/main/java/" + copy.baseDir() + "/" + module
                        + "/web/PassCheckController.java")
                .contains("would create  contracts/provider/api/" + module + "/passCheck.yml")
                .contains("would change  src/main/java/" + copy.baseDir() + "/" + module)
                .contains("would run ./mvnw")
                .contains("Dry run: nothing written.");
        assertThat(copy.snapshot()).isEqualTo(before);
    }

    @Test
    void everyVerbRunTwiceShouldChangeNothingTheSecondTime() {
        RepositoryCopy copy = copy("twice");
        String module = domainModule(copy);
        List<List<String>> verbs = List.of(
                List.of("change", REQUIREMENT, "--module", module),
                List.of("endpoint", module, "POST", "/api/scaffold-checks/{id}/passes", "--name", "passCheck"),
                List.of("event", module, "ScaffoldCheckPassed"),
                List.of("consumer", module, "checkers.scaffold-check-passed.v1"),
                List.of("job", module, "purge-scaffold-checks"),
                List.of("client", module, "checker"),
                List.of("module", CHECKS, "--team", "checks-team"));
        for (List<String> verb : verbs) {
            Map<String, String> before = copy.snapshot();
            ok(withoutMaven(copy, verb));
            Map<String, String> after = copy.snapshot();
            assertThat(after).as("./scaffold %s changes files", verb).isNotEqualTo(before);

            Result again = withoutMaven(copy, verb);

            ok(again);
            assertThat(again.output()).as("./scaffold %s again", verb).contains("nothing to do");
            assertThat(copy.snapshot()).as("./scaffold %s again", verb).isEqualTo(after);
        }
        String features = copy.read("src/main/java/" + copy.baseDir() + "/" + module + "/"
                + Character.toUpperCase(module.charAt(0)) + module.substring(1) + "Features.java");
        String prefix = module.toUpperCase(java.util.Locale.ROOT);
        assertThat(features).contains(prefix + "_PASS_CHECK,", prefix + "_PURGE_SCAFFOLD_CHECKS_JOB,");
        assertThat(copy.read("src/main/java/" + copy.baseDir() + "/" + module + "/web/PassCheckController.java"))
                .contains("See docs/changes/0001-customers-ask-scaffold-check.md")
                .doesNotContainIgnoringCase("generated");
    }

    @Test
    void badInputShouldBeRefusedWithAClearMessageAndNothingWritten() {
        RepositoryCopy copy = copy("refused");
        String module = domainModule(copy);
        assertRefused(copy, "no change record yet", "endpoint", module, "GET", "/api/scaffold-checks");
        ok(copy.scaffold("change", REQUIREMENT, "--module", module));
        ok(withoutMaven(copy, List.of("endpoint", module, "POST", "/api/scaffold-checks", "--name", "check")));
        ok(withoutMaven(copy, List.of("endpoint", module, "GET", "/api/scaffold-checks", "--name", "purgeChecksJob")));

        assertRefused(copy, "unknown verb 'frobnicate'", "frobnicate");
        assertRefused(copy, "unknown module 'nosuchmodule'", "endpoint", "nosuchmodule", "GET", "/api/x");
        assertRefused(copy, "platform is the shared module", "job", "platform", "tidy-up");
        assertRefused(copy, "is not an HTTP method", "endpoint", module, "FETCH", "/api/x");
        assertRefused(copy, "is not a valid API path", "endpoint", module, "GET", "/checks/Notes");
        assertRefused(
                copy,
                "POST /api/scaffold-checks exists already",
                "endpoint",
                module,
                "POST",
                "/api/scaffold-checks",
                "--name",
                "checkAgain");
        assertRefused(
                copy,
                "CheckController exists already for another route",
                "endpoint",
                module,
                "PUT",
                "/api/scaffold-checks/{id}",
                "--name",
                "check");
        assertRefused(copy, "exists already in", "job", module, "purge-checks");
        assertRefused(copy, "not in the past tense", "event", module, "ScaffoldCheckPass");
        assertRefused(copy, "is not an event name", "event", module, "passed");
        assertRefused(copy, "is not a valid job name", "job", module, "Purge_Checks");
        assertRefused(copy, "published by this service's own module", "consumer", module, module + ".x-done.v1");
        assertRefused(copy, "is not a topic name", "consumer", module, "refunds");
        assertRefused(copy, "is a module of this service", "client", module, "platform");
        assertRefused(copy, "module " + module + " exists and is owned by", "module", module, "--team", "other-team");
        assertRefused(copy, "unknown option --colour", "job", module, "purge", "--colour", "red");
    }

    @Test
    void aModuleOwnedByAnotherTeamShouldNeedAnApproverInTheChangeRecord() {
        RepositoryCopy copy = copy("ownership");
        String module = domainModule(copy);
        ok(withoutMaven(copy, List.of("module", CHECKS, "--team", "checks-team")));
        ok(copy.scaffold("change", REQUIREMENT, "--module", module));

        assertRefused(copy, "module " + CHECKS + " is owned by @", "job", CHECKS, "resend-checks");

        ok(copy.scaffold(
                "change", "Checks are resent when they get lost", "--module", module, "--approver", "@checks-lead"));
        ok(withoutMaven(copy, List.of("job", CHECKS, "resend-checks")));
    }

    @Test
    void initShouldRenameTheTemplateOnceAndRefuseInvalidNames() {
        RepositoryCopy copy = copy("init");
        String before = copy.baseDir();
        assertRefused(
                copy, "--package", "init", "--group", "org.acme", "--artifact", "parcels", "--package", "Org.Acme");
        assertRefused(copy, "--artifact", "init", "--group", "org.acme", "--artifact", "Parcels", "--package", "org.a");
        if (!before.equals(TEMPLATE_PACKAGE)) {
            // A service made from the template: init refuses to give it another package.
            String other = before.replace('/', '.') + ".other";
            assertRefused(copy, "already initialised", "init", "--group", "g", "--artifact", "a", "--package", other);
            return;
        }
        Map<String, String> untouched = copy.snapshot();
        ok(copy.scaffold(
                "init", "--group", "org.acme", "--artifact", "parcels", "--package", "org.acme.parcels", "--dry-run"));
        assertThat(copy.snapshot()).isEqualTo(untouched);

        ok(copy.scaffold(
                "init",
                "--group",
                "org.acme",
                "--artifact",
                "parcels",
                "--package",
                "org.acme.parcels",
                "--no-format"));

        assertThat(copy.baseDir()).isEqualTo("org/acme/parcels");
        assertThat(copy.read("pom.xml")).contains("<groupId>org.acme</groupId>", "<artifactId>parcels</artifactId>");
        assertThat(copy.snapshot().keySet()).noneMatch(file -> file.contains("/" + before + "/"));
        // The operator scopes carry the service's name, so the docs' tokens and commands follow the rename.
        assertThat(copy.read("README.md"))
                .contains("scope=parcels.ops:admin", "`parcels.flags:admin`")
                .doesNotContain("service.ops:admin", "service.flags:admin");
        Map<String, String> after = copy.snapshot();
        assertThat(copy.scaffold(
                                "init",
                                "--group",
                                "org.acme",
                                "--artifact",
                                "parcels",
                                "--package",
                                "org.acme.parcels",
                                "--no-format")
                        .output())
                .contains("Nothing to do");
        assertThat(copy.snapshot()).isEqualTo(after);
        assertRefused(
                copy,
                "already initialised",
                "init",
                "--group",
                "org.acme",
                "--artifact",
                "parcels",
                "--package",
                "org.other.parcels");
    }

    /** The first domain module of the copy; a repository without one (initialised without the examples) gets one. */
    private static String domainModule(RepositoryCopy copy) {
        if (copy.domainModules().isEmpty()) {
            ok(withoutMaven(copy, List.of("module", "catalog", "--team", "catalog-team")));
        }
        return copy.domainModules().get(0);
    }

    /** Without the steps that run Maven (the formatter, the API baseline): these tests are about the files. */
    private static Result withoutMaven(RepositoryCopy copy, List<String> verb) {
        List<String> arguments = new ArrayList<>(verb);
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
        return RepositoryCopy.of(Path.of("target/scaffold-tests", name).toAbsolutePath())
                .withoutChangeRecords();
    }
}
