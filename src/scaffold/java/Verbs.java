import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Each verb: its arguments checked, its names worked out, and the plan that carries out its manifest. */
final class Verbs {

    static final String NOT_STATED = "_not stated yet_";
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "to", "be", "can", "could", "may", "of", "for", "and", "or", "is", "are", "so", "that",
            "with", "on", "in", "at", "by", "it", "its", "their", "our", "we", "they", "should", "must", "will");

    private Verbs() {}

    // ---------------------------------------------------------------------------------------------------------------

    static Plan change(Scaffold.Project project, Scaffold.Args args) {
        args.allow(
                "module", "team", "slug", "services", "contracts", "latency", "error-budget", "throughput",
                "retention", "flag", "rollout", "approver");
        args.expectPositional(1, "change \"<business requirement>\" --module <module> [--contracts ...]");
        String requirement = args.positional(0, "the business requirement").strip();
        Names.require(
                requirement.length() >= 10 && !requirement.contains("\n"),
                "state the business requirement in one sentence of at least 10 characters");
        String moduleName = args.option("module")
                .orElseThrow(() -> new IllegalArgumentException("name the owning module: --module <"
                        + String.join("|", project.domainModules()) + ">"));
        String owner;
        String display;
        if (project.modules().containsKey(moduleName)) {
            Scaffold.Module module = project.module(moduleName, true);
            owner = module.owner();
            display = "`" + moduleName + "`";
            args.option("team").ifPresent(team -> Names.require(
                    team(project, team).equals(module.owner()),
                    "module " + moduleName + " is owned by " + module.owner() + ", not " + team(project, team)));
        } else {
            Names.moduleName(moduleName);
            owner = team(project, args.option("team")
                    .orElseThrow(() -> new IllegalArgumentException("unknown module '" + moduleName
                            + "' (modules: " + String.join(", ", project.domainModules())
                            + "). For a change that starts a new module, add --team <team>, then run ./scaffold"
                            + " module " + moduleName + " --team <team>")));
            display = "`" + moduleName + "` (new: `./scaffold module " + moduleName + " --team " + owner + "`)";
        }
        String slug = args.option("slug").orElse(slug(requirement));
        Names.kebabName(slug, "change record", "gift-wrapping-for-orders");
        List<Scaffold.Change> changes = project.changes();
        String number = changes.stream()
                .filter(change -> change.file().getFileName().toString().substring(5).equals(slug + ".md"))
                .map(Scaffold.Change::number)
                .findFirst()
                .orElse(String.format(
                        "%04d",
                        changes.stream()
                                        .mapToInt(change -> Integer.parseInt(change.number()))
                                        .max()
                                        .orElse(0)
                                + 1));
        Map<String, String> names = project.names(new Scaffold.Module(moduleName, owner, moduleName), null);
        names.put("changeNumber", number);
        names.put("slug", slug);
        names.put("moduleShown", display);
        names.put("requirement", cell(requirement));
        names.put("services", cell(args.option("services").orElse(project.appName() + ", module " + moduleName)));
        names.put("contracts", cell(args.option("contracts").orElse(NOT_STATED)));
        names.put("latency", cell(args.option("latency").orElse(NOT_STATED)));
        names.put("errorBudget", cell(args.option("error-budget").orElse(NOT_STATED)));
        names.put("throughput", cell(args.option("throughput").orElse(NOT_STATED)));
        names.put("retention", cell(args.option("retention").orElse(NOT_STATED)));
        names.put("flag", cell(args.option("flag").orElse("one per surface, added by the scaffold (off by default)")));
        names.put("rollout", cell(args.option("rollout").orElse(NOT_STATED)));
        names.put("approver", args.option("approver").orElse("_none_"));
        String file = "docs/changes/" + number + "-" + slug + ".md";
        return new Plan("change", "change " + number + ": " + requirement, names)
                .next("fill in the inputs still marked " + NOT_STATED + " in " + file)
                .next("then add each surface: ./scaffold endpoint|event|consumer|job|client " + moduleName + " ...");
    }

    // ---------------------------------------------------------------------------------------------------------------

    static Plan module(Scaffold.Project project, Scaffold.Args args) {
        args.allow("team", "description");
        args.expectPositional(1, "module <name> --team <team>");
        String name = args.positional(0, "the module name");
        Names.moduleName(name);
        String owner = team(project, args.option("team")
                .orElseThrow(() -> new IllegalArgumentException("name the owning team: --team <team>")));
        Scaffold.Module existing = project.modules().get(name);
        if (existing != null && !existing.owner().equals(owner)) {
            throw new IllegalArgumentException("module " + name + " exists and is owned by " + existing.owner());
        }
        Scaffold.Module module = new Scaffold.Module(name, owner, Names.pascal(name));
        Map<String, String> names = project.names(module, null);
        names.put("description", args.option("description")
                .orElse(Names.capitalize(name) + ": what it is for, in one sentence"));
        Path diagram = project.root().resolve("docs/architecture/modules.puml");
        names.put(
                "diagramHasModules",
                String.valueOf(!Files.isRegularFile(diagram) || Scaffold.read(diagram).contains("Container_Boundary(")));
        names.put("codeowners", codeowners(project, name, owner));
        names.put("contractOwners", contractOwners(name, owner));
        return new Plan("module", "module " + name + " (owner " + owner + ")", names)
                .next("say what " + name + " is for in its package-info.java and in the module table of AGENTS.md")
                .next("open its first change: ./scaffold change \"<requirement>\" --module " + name);
    }

    // ---------------------------------------------------------------------------------------------------------------

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final Pattern SEGMENT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*|\\{([a-z][A-Za-z0-9]*)}");

    static Plan endpoint(Scaffold.Project project, Scaffold.Args args) {
        args.allow("name", "summary", "change", "skip-baseline");
        args.expectPositional(3, "endpoint <module> <METHOD> <path>, e.g. endpoint orders POST /api/orders/{id}/gift-wrap");
        Scaffold.Module module = project.module(args.positional(0, "the module"), true);
        String method = args.positional(1, "the HTTP method").toUpperCase(Locale.ROOT);
        Names.require(METHODS.contains(method), "'" + args.positional(1, "") + "' is not an HTTP method: one of "
                + String.join(", ", List.of("GET", "POST", "PUT", "PATCH", "DELETE")));
        String path = args.positional(2, "the path");
        Names.require(
                path.startsWith("/api/") && !path.endsWith("/") && !path.contains("//"),
                "'" + path + "' is not a valid API path: it starts with /api/, its segments are lower-case words"
                        + " joined by hyphens or {variables} (/api/orders/{id}/gift-wrap)");
        List<String> variables = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (String segment : path.substring("/api/".length()).split("/")) {
            Matcher matcher = SEGMENT.matcher(segment);
            Names.require(
                    matcher.matches(),
                    "'" + path + "' is not a valid API path: segment '" + segment + "' is neither lower-case words"
                            + " joined by hyphens nor a {variable}");
            if (matcher.group(2) != null) {
                Names.require(!variables.contains(matcher.group(2)), "path variable {" + matcher.group(2) + "} twice");
                variables.add(matcher.group(2));
            } else {
                literals.add(segment);
            }
        }
        String operation = args.option("name").orElseGet(() -> defaultOperation(method, literals));
        Names.require(
                operation.matches("[a-z][A-Za-z0-9]{2,40}") && !Names.JAVA_KEYWORDS.contains(operation),
                "'" + operation + "' is not a valid operation name: lowerCamelCase, like giftWrapOrder (--name)");
        Scaffold.Change change = project.changeFor(args, module);
        Map<String, String> names = project.names(module, change);
        String pascal = Names.capitalize(operation);
        Path controller = project.root().resolve("src/main/java/" + project.baseDir() + "/" + module.name()
                + "/web/" + pascal + "Controller.java");
        if (!Files.exists(controller)) {
            Names.require(
                    !mapped(project, method, path),
                    method + " " + path + " exists already (in contracts/http/published/openapi.json or a generated"
                            + " controller): change that handler instead, or choose another path");
        } else {
            String source = Scaffold.read(controller);
            Names.require(
                    source.contains("RequestMethod." + method + ",") && source.contains("path = \"" + path + "\""),
                    pascal + "Controller exists already for another route: choose another --name");
        }
        boolean body = !method.equals("GET") && !method.equals("DELETE");
        String flag = names.get("MODULE") + "_" + Names.constant(operation);
        String scope = module.name() + ":" + (method.equals("GET") ? "read" : "write");
        names.put("method", method);
        names.put("Method", Names.capitalize(method.toLowerCase(Locale.ROOT)));
        names.put("path", path);
        names.put("operation", operation);
        names.put("Operation", pascal);
        names.put("flag", flag);
        names.put("scope", scope);
        names.put("access", method.equals("GET") ? "read" : "write");
        names.put("summary", args.option("summary").orElse(Names.capitalize(Names.spaced(operation))));
        names.put("body", String.valueOf(body));
        names.put("samplePath", samplePath(path));
        names.put("variables", String.valueOf(!variables.isEmpty()));
        names.put("handlerParameters", String.join(", ", handlerParameters(variables, body, pascal)));
        names.put("responseComponents", String.join(", ", responseComponents(variables, body)));
        names.put("responseArguments", String.join(", ", responseArguments(variables, body)));
        names.put("responseAssertions", String.join("\n", variables.stream()
                .map(v -> "assertThat(result).bodyJson().extractingPath(\"$." + v + "\").isEqualTo(\"" + sample(v)
                        + "\");")
                .toList()));
        names.put("responseJsonPaths", String.join("\n", variables.stream()
                .map(v -> ".jsonPath(\"$." + v + "\")\n.isEqualTo(\"" + sample(v) + "\")")
                .toList()));
        names.put("contractBody", String.join("\n", contractBody(variables, body)));
        String route = method + " " + path;
        Plan plan = new Plan("endpoint", "endpoint " + route + " in module " + module.name() + " (change "
                + change.number() + ")", names);
        if (!args.flag("skip-baseline") && !args.flag("no-format")) {
            plan.command(
                    "the API baseline contracts/http/published/openapi.json, from the code; and the formatter",
                    List.of(
                            "./mvnw", "-q", "spotless:apply", "test", "-Dtest=ApiCompatibilityTests",
                            "-Dcontracts.update=true", "-Dsurefire.failIfNoSpecifiedTests=false"));
        } else {
            plan.next("refresh the API baseline: ./mvnw test -Dtest=ApiCompatibilityTests -Dcontracts.update=true");
        }
        return plan.next("write the business logic where " + pascal + "Controller says so (call the module's API)")
                .next("then make " + pascal + "ControllerTests and " + pascal + "IntegrationTests assert what it does")
                .next("focused run: ./mvnw test -Dtest='" + pascal + "*Tests'");
    }

    /** Whether the API baseline or a generated controller maps this route already. */
    static boolean mapped(Scaffold.Project project, String method, String path) {
        Path api = project.root().resolve("contracts/http/published/openapi.json");
        if (Files.isRegularFile(api)) {
            List<String> lines = List.of(Scaffold.read(api).split("\n"));
            int at = lines.indexOf("    \"" + path + "\" : {");
            for (int i = at + 1; at >= 0 && i < lines.size() && lines.get(i).startsWith("      "); i++) {
                if (lines.get(i).equals("      \"" + method.toLowerCase(Locale.ROOT) + "\" : {")) {
                    return true;
                }
            }
        }
        try (Stream<Path> files = Files.walk(project.root().resolve("src/main/java/" + project.baseDir()))) {
            return files.filter(file -> file.toString().endsWith("Controller.java"))
                    .map(Scaffold::read)
                    .anyMatch(source -> source.contains("method = RequestMethod." + method + ",")
                            && source.contains("path = \"" + path + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String defaultOperation(String method, List<String> literals) {
        String verb =
                switch (method) {
                    case "GET" -> "get";
                    case "POST" -> "post";
                    case "PUT" -> "put";
                    case "PATCH" -> "patch";
                    default -> "delete";
                };
        // The collection names the module already; what follows it names the operation (--name says it better).
        List<String> rest = literals.size() > 1 ? literals.subList(1, literals.size()) : literals;
        return Names.camel(verb + "-" + String.join("-", rest));
    }

    static String samplePath(String path) {
        return Pattern.compile("\\{([a-zA-Z0-9]+)}").matcher(path).replaceAll(match -> sample(match.group(1)));
    }

    static String sample(String variable) {
        return Names.kebab(variable) + "-1";
    }

    static List<String> handlerParameters(List<String> variables, boolean body, String pascal) {
        List<String> parameters = new ArrayList<>();
        variables.forEach(v -> parameters.add("@PathVariable String " + v));
        if (body) {
            parameters.add("@Valid @RequestBody " + pascal + "Request request");
        }
        if (!variables.isEmpty()) {
            // Object-level authorization: the handler decides with the caller whose resource it may serve.
            parameters.add("Caller caller");
        }
        return parameters;
    }

    static List<String> responseComponents(List<String> variables, boolean body) {
        List<String> components = new ArrayList<>();
        variables.forEach(v -> components.add("String " + v));
        if (body) {
            components.add("String reference");
        }
        components.add("String outcome");
        return components;
    }

    static List<String> responseArguments(List<String> variables, boolean body) {
        List<String> arguments = new ArrayList<>(variables);
        if (body) {
            arguments.add("request.reference()");
        }
        arguments.add("\"ACCEPTED\"");
        return arguments;
    }

    static List<String> contractBody(List<String> variables, boolean body) {
        List<String> lines = new ArrayList<>();
        variables.forEach(v -> lines.add(v + ": " + sample(v)));
        if (body) {
            lines.add("reference: R-1");
        }
        lines.add("outcome: ACCEPTED");
        return lines;
    }

    static Plan event(Scaffold.Project project, Scaffold.Args args) {
        args.allow("change");
        args.expectPositional(2, "event <module> <EventName>, e.g. event orders OrderGiftWrapped");
        Scaffold.Module module = project.module(args.positional(0, "the module"), true);
        String name = args.positional(1, "the event name");
        List<String> words = Names.words(name);
        Names.require(
                name.matches("[A-Z][A-Za-z0-9]{3,60}") && words.size() >= 2 && !name.endsWith("Event"),
                "'" + name + "' is not an event name: a past-tense PascalCase phrase of at least two words, the"
                        + " thing and what happened to it, with no Event suffix (OrderGiftWrapped, InvoiceIssued)");
        String happened = Names.capitalize(words.get(words.size() - 1));
        Names.require(
                happened.endsWith("ed") || Names.IRREGULAR_PAST.contains(happened),
                "'" + name + "' is not in the past tense: an event says what happened (OrderPaid, ShipmentBooked)");
        Scaffold.Change change = project.changeFor(args, module);
        Map<String, String> names = project.names(module, change);
        String topic = module.name() + "." + Names.kebab(name) + ".v1";
        names.put("Event", name);
        names.put("event", Names.camel(name));
        names.put("eventWords", Names.spaced(name));
        names.put("topic", topic);
        names.put("subject", words.get(0) + "Id");
        names.put("happenedAt", Names.camel(words.get(words.size() - 1)) + "At");
        return new Plan("event", "event " + name + " on topic " + topic + " in module " + module.name()
                        + " (change " + change.number() + ")", names)
                .next("publish it where it happens: the aggregate's registerEvent or the facade, inside the"
                        + " transaction of the change (AGENTS.md, \"Adding an event\")")
                .next("add the payload's fields to " + name + ", its schema and its contract together; then point"
                        + " the trigger publish" + name + "() in EventsContractBase at the business operation")
                .next("focused run: ./mvnw test -Dtest='EventConventionTests,EventCompatibilityTests,"
                        + Names.pascal(module.name()) + "Tests'");
    }

    static Plan consumer(Scaffold.Project project, Scaffold.Args args) {
        args.allow("change");
        args.expectPositional(2, "consumer <module> <topic>, e.g. consumer orders payments.refund-issued.v1");
        Scaffold.Module module = project.module(args.positional(0, "the module"), true);
        String topic = args.positional(1, "the topic");
        Matcher matcher = Pattern.compile("([a-z][a-z0-9]*)\\.([a-z][a-z0-9]*(-[a-z0-9]+)*)\\.v[1-9][0-9]*").matcher(topic);
        Names.require(
                matcher.matches(),
                "'" + topic + "' is not a topic name: <producing module or service>.<event-name>.v<major>"
                        + " (payments.refund-issued.v1)");
        Names.require(
                !project.modules().containsKey(matcher.group(1)),
                topic + " is published by this service's own module " + matcher.group(1) + ": react to its event"
                        + " inside the service with @ApplicationModuleListener instead (AGENTS.md, \"Where code goes\")");
        Scaffold.Change change = project.changeFor(args, module);
        Map<String, String> names = project.names(module, change);
        String event = Names.pascal(matcher.group(2));
        List<String> words = Names.words(matcher.group(2));
        names.put("topic", topic);
        names.put("producer", matcher.group(1));
        names.put("Payload", event);
        names.put("payloadWords", Names.spaced(event));
        names.put("consumer", module.name() + "." + matcher.group(2));
        names.put("group", project.appName() + "-" + module.name());
        names.put("subject", words.get(0) + "Id");
        names.put("happenedAt", Names.camel(words.get(words.size() - 1)) + "At");
        return new Plan("consumer", "consumer of " + topic + " in module " + module.name() + " (change "
                        + change.number() + ")", names)
                .next("replace contracts/events/consumed/" + topic + ".schema.json with the " + matcher.group(1)
                        + " team's published schema, and " + event + " with its fields (a shared schema: see"
                        + " AGENTS.md, \"Stop and ask a human\")")
                .next("write the business logic where " + event + "Listener says so: it runs in the inbox's"
                        + " transaction; throw UnprocessableMessage for a message that can never succeed")
                .next("focused run: ./mvnw test -Dtest='" + event + "ListenerIntegrationTests'");
    }

    static Plan job(Scaffold.Project project, Scaffold.Args args) {
        args.allow("change", "every");
        args.expectPositional(2, "job <module> <job-name>, e.g. job orders purge-abandoned-carts");
        Scaffold.Module module = project.module(args.positional(0, "the module"), true);
        String name = args.positional(1, "the job name");
        Names.kebabName(name, "job", "purge-abandoned-carts: what it does");
        String every = args.option("every").orElse("1h");
        Names.require(every.matches("[1-9][0-9]*(ms|s|m|h|d)"), "--every takes a duration such as 30s, 5m, 1h");
        Scaffold.Change change = project.changeFor(args, module);
        Map<String, String> names = project.names(module, change);
        String flag = names.get("MODULE") + "_" + Names.constant(name) + "_JOB";
        names.put("job", module.name() + "." + name);
        names.put("jobName", name);
        names.put("Job", Names.pascal(name));
        names.put("jobMethod", Names.camel(name));
        names.put("jobWords", Names.spaced(name));
        names.put("flag", flag);
        names.put("every", every);
        return new Plan("job", "job " + module.name() + "." + name + " in module " + module.name() + " (change "
                        + change.number() + ")", names)
                .next("write the work as a plain method of the module's API that returns a JobRun, and call it"
                        + " where " + Names.pascal(name) + "Job says so")
                .next("make " + Names.pascal(name) + "JobIntegrationTests prepare due items and assert what the run"
                        + " changed")
                .next("switch " + flag + " on where it should run (/togglz-console); interval: "
                        + module.name() + ".jobs." + name + ".interval (default " + every + ")");
    }

    static Plan client(Scaffold.Project project, Scaffold.Args args) {
        args.allow("change", "team");
        args.expectPositional(2, "client <module> <client-name>, e.g. client shipping customs");
        Scaffold.Module module = project.module(args.positional(0, "the module"), true);
        String name = args.positional(1, "the client name");
        Names.require(
                name.matches("[a-z][a-z0-9]{1,30}") && !Names.JAVA_KEYWORDS.contains(name),
                "'" + name + "' is not a client name: one lower-case word naming the other team's API (customs,"
                        + " payments); it becomes the package " + module.name() + "." + name);
        Names.require(
                !project.modules().containsKey(name),
                name + " is a module of this service: call its API directly, not over HTTP");
        Scaffold.Change change = project.changeFor(args, module);
        Map<String, String> names = project.names(module, change);
        names.put("client", name);
        names.put(
                "needsResilienceSection",
                String.valueOf(!Scaffold.read(project.root().resolve("src/main/resources/application.yaml"))
                        .contains("\nresilience4j:")));
        names.put("Client", Names.pascal(name));
        names.put("provider", args.option("team").orElse("the " + name + " team"));
        return new Plan("client", "client " + name + " in module " + module.name() + " (change " + change.number()
                        + ")", names)
                .next("replace contracts/http/consumed/" + name + "/ with the contracts the " + name + " team"
                        + " publishes, and " + Names.pascal(name) + "Client's call and records with what they say")
                .next("production: set " + module.name() + "." + name + ".base-url (env "
                        + Names.constant(module.name() + "-" + name) + "_BASE_URL); tune resilience4j.*.instances."
                        + name + " in application.yaml to the change's latency target and error budget")
                .next("focused run: ./mvnw test -Dtest='" + Names.pascal(name) + "*Tests'");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** {@code billing-team} or {@code @acme/billing-team}, as the owner CODEOWNERS and {@code @OwnedBy} name. */
    static String team(Scaffold.Project project, String team) {
        String full = team.startsWith("@") ? team : project.org() + "/" + team;
        Names.require(
                full.matches("@[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*"),
                "'" + team + "' is not a team: a GitHub team such as billing-team or @acme/billing-team");
        return full;
    }

    static String codeowners(Scaffold.Project project, String module, String owner) {
        return lines(
                owner,
                "/src/main/java/" + project.baseDir() + "/" + module + "/",
                "/src/test/java/" + project.baseDir() + "/" + module + "/",
                "/src/main/resources/db/migration/" + module + "/");
    }

    static String contractOwners(String module, String owner) {
        return lines(
                owner,
                "/contracts/events/published/" + module + ".*",
                "/contracts/events/release/" + module + ".*",
                "/contracts/provider/api/" + module + "/",
                "/contracts/provider/events/" + module + "/");
    }

    static String lines(String owner, String... paths) {
        StringBuilder lines = new StringBuilder();
        for (String path : paths) {
            lines.append(String.format("%-52s%s%n", path, owner));
        }
        return lines.toString().stripTrailing();
    }

    static String slug(String requirement) {
        List<String> words = Names.words(requirement.replaceAll("[^A-Za-z0-9 ]", " ").toLowerCase(Locale.ROOT))
                .stream()
                .filter(word -> !STOP_WORDS.contains(word))
                .toList();
        return String.join("-", words.subList(0, Math.min(6, words.size())));
    }

    /** A value for one cell of a Markdown table. */
    static String cell(String value) {
        return value.replace("|", "\\|").strip();
    }
}
