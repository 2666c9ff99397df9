import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The integration-change scaffold: {@code ./scaffold <verb> ...}. Each verb works out its names from the arguments
 * and the project (base package, modules and their owners, the open change record), then carries out the manifest
 * in {@code src/scaffold/templates/<verb>/manifest}: files it creates from the templates beside it, and lines it
 * inserts into existing files at their {@code scaffold:} markers. It never overwrites a file, and what is already
 * there it leaves alone, so running a verb twice changes nothing. Nothing is written unless every check passes.
 */
public final class Scaffold {

    static final String USAGE = """
            Usage: ./scaffold <verb> [arguments] [--dry-run]

            Start every integration change with `change`, then add its surfaces:
              change "<business requirement>" --module <module> [--team <team>] [--slug <slug>]
                     [--contracts <text>] [--latency <text>] [--error-budget <text>] [--throughput <text>]
                     [--retention <text>] [--flag <FLAG>] [--rollout <text>] [--approver <@handle>]
              endpoint <module> <METHOD> <path> [--name <operationName>] [--skip-baseline]
              event <module> <EventName>
              consumer <module> <topic>
              job <module> <job-name>
              client <module> <client-name>
              module <name> --team <team>
              init --group <groupId> --artifact <artifactId> --package <package> [--without-examples]

            Surfaces link to the newest change record in docs/changes (or --change <number>).
            --dry-run prints every file that would be written or changed, and writes nothing.
            Generated Java is formatted with the project's formatter (./mvnw spotless:apply) unless --no-format.
            """;

    final Path root;
    final PrintStream out;

    Scaffold(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("scaffold.root", "")).toAbsolutePath().normalize();
        try {
            System.exit(new Scaffold(root, System.out).run(List.of(args)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("scaffold: " + e.getMessage());
            System.exit(2);
        }
    }

    int run(List<String> arguments) {
        if (arguments.isEmpty() || Stream.of("help", "--help", "-h").anyMatch(arguments.get(0)::equals)) {
            out.print(USAGE);
            return arguments.isEmpty() ? 1 : 0;
        }
        String verb = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        if (verb.equals("init")) {
            var printed = new java.io.ByteArrayOutputStream();
            var both = new PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                    printed.write(b);
                }
            }, true);
            int status = Init.run(root, rest.stream().filter(arg -> !arg.equals("--no-format")).toList(), both);
            boolean renamed = !printed.toString().startsWith("Nothing to do");
            if (status == 0 && renamed && !rest.contains("--dry-run") && !rest.contains("--no-format")) {
                return new Plan("init", "", Map.of())
                        .command("the formatter, on the renamed sources", List.of("./mvnw", "-q", "spotless:apply"))
                        .runCommands(root, out);
            }
            return status;
        }
        Args args = Args.parse(rest);
        Project project = Project.of(root);
        Plan plan =
                switch (verb) {
                    case "change" -> Verbs.change(project, args);
                    case "module" -> Verbs.module(project, args);
                    case "endpoint" -> Verbs.endpoint(project, args);
                    case "event" -> Verbs.event(project, args);
                    case "consumer" -> Verbs.consumer(project, args);
                    case "job" -> Verbs.job(project, args);
                    case "client" -> Verbs.client(project, args);
                    default -> throw new IllegalArgumentException(
                            "unknown verb '" + verb + "'. Run ./scaffold help for the verbs.");
                };
        plan.format = !args.flag("no-format");
        return plan.carryOut(root, args.flag("dry-run"), out);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Arguments

    /** Positional arguments and {@code --name value} options; {@code --flag} alone is a switch. */
    record Args(List<String> positional, Map<String, String> options) {

        static final List<String> SWITCHES = List.of("dry-run", "skip-baseline", "no-format", "without-examples");

        static Args parse(List<String> arguments) {
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                if (argument.startsWith("--")) {
                    String name = argument.substring(2);
                    int equals = name.indexOf('=');
                    if (equals > 0) {
                        options.put(name.substring(0, equals), name.substring(equals + 1));
                    } else if (SWITCHES.contains(name)) {
                        options.put(name, "true");
                    } else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                        options.put(name, arguments.get(++i));
                    } else {
                        throw new IllegalArgumentException("option --" + name + " needs a value");
                    }
                } else {
                    positional.add(argument);
                }
            }
            return new Args(positional, options);
        }

        String positional(int index, String what) {
            if (index >= positional.size()) {
                throw new IllegalArgumentException("missing " + what + ". Run ./scaffold help for the arguments.");
            }
            return positional.get(index);
        }

        void expectPositional(int count, String usage) {
            if (positional.size() != count) {
                throw new IllegalArgumentException("expected: ./scaffold " + usage);
            }
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name)).filter(value -> !value.isBlank());
        }

        boolean flag(String name) {
            return "true".equals(options.get(name));
        }

        void allow(String... names) {
            List<String> allowed = new ArrayList<>(List.of(names));
            allowed.add("dry-run");
            allowed.add("no-format");
            for (String name : options.keySet()) {
                if (!allowed.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name + " (this verb takes: "
                            + allowed.stream().map(a -> "--" + a).collect(Collectors.joining(", ")) + ")");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The project as the scaffold sees it

    record Module(String name, String owner, String displayName) {}

    record Change(String number, Path file, String module, String owner, String approver) {}

    /** What the scaffold reads from the working tree before it plans anything. */
    record Project(
            Path root,
            String basePackage,
            String application,
            Map<String, Module> modules,
            String appName,
            String typePrefix,
            String org) {

        static final Pattern PACKAGE = Pattern.compile("(?m)^package ([a-z][a-z0-9_.]*);");
        static final Pattern OWNER = Pattern.compile("@OwnedBy\\(\"([^\"]+)\"\\)");
        static final Pattern DISPLAY = Pattern.compile("displayName = \"([^\"]+)\"");

        static Project of(Path root) {
            Path sources = root.resolve("src/main/java");
            if (!Files.isDirectory(sources) || !Files.isRegularFile(root.resolve("pom.xml"))) {
                throw new IllegalStateException(
                        root + " is not the service's repository (no pom.xml and src/main/java): run ./scaffold"
                                + " from a clone of it");
            }
            Path main;
            try (Stream<Path> files = Files.walk(sources, 12)) {
                main = files.filter(file -> file.toString().endsWith("Application.java"))
                        .filter(file -> read(file).contains("@SpringBootApplication"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no @SpringBootApplication class in " + sources));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher pkg = PACKAGE.matcher(read(main));
            if (!pkg.find()) {
                throw new IllegalStateException("no package declaration in " + main);
            }
            String base = pkg.group(1);
            Map<String, Module> modules = new TreeMap<>();
            try (Stream<Path> dirs = Files.list(main.getParent())) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    Path info = dir.resolve("package-info.java");
                    if (Files.isRegularFile(info) && read(info).contains("@ApplicationModule")) {
                        String text = read(info);
                        String name = dir.getFileName().toString();
                        modules.put(
                                name,
                                new Module(
                                        name,
                                        find(OWNER, text).orElse("(no @OwnedBy)"),
                                        find(DISPLAY, text).orElse(Names.pascal(name))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String yaml = read(root.resolve("src/main/resources/application.yaml"));
            String appName = find(Pattern.compile("(?m)^  application:\\s*\\n    name: (\\S+)"), yaml)
                    .orElse("service");
            String typePrefix = find(Pattern.compile("(?m)^\\s+type-prefix: (\\S+)"), yaml)
                    .orElse("com.example");
            String org = modules.values().stream()
                    .map(Module::owner)
                    .filter(owner -> owner.startsWith("@") && owner.contains("/"))
                    .map(owner -> owner.substring(0, owner.indexOf('/')))
                    .findFirst()
                    .orElse("@example");
            String application = main.getFileName().toString().replace(".java", "");
            return new Project(root, base, application, modules, appName, typePrefix, org);
        }

        String baseDir() {
            return basePackage.replace('.', '/');
        }

        Module module(String name, boolean domainOnly) {
            Module module = modules.get(name);
            if (module == null) {
                throw new IllegalArgumentException("unknown module '" + name + "'. Modules: "
                        + String.join(", ", modules.keySet()) + ". A new one: ./scaffold module " + name
                        + " --team <team>");
            }
            if (domainOnly && name.equals("platform")) {
                throw new IllegalArgumentException(
                        "platform is the shared module, not a domain module: integration changes go into the"
                                + " module that owns the behaviour (" + String.join(", ", domainModules()) + ")");
            }
            return module;
        }

        List<String> domainModules() {
            return modules.keySet().stream().filter(name -> !name.equals("platform")).toList();
        }

        List<Change> changes() {
            Path dir = root.resolve("docs/changes");
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(file -> file.getFileName().toString().matches("\\d{4}-.+\\.md"))
                        .sorted()
                        .map(Project::change)
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Change change(Path file) {
            String text = read(file);
            return new Change(
                    file.getFileName().toString().substring(0, 4),
                    file,
                    find(Pattern.compile("(?m)^- \\*\\*Owning module\\*\\*: `([a-z0-9]+)`"), text).orElse(""),
                    find(Pattern.compile("(?m)^- \\*\\*Owner\\*\\*: (\\S+)"), text).orElse(""),
                    find(Pattern.compile("(?m)^- \\*\\*Approved by\\*\\*: (\\S.*)$"), text)
                            .filter(approver -> !approver.startsWith("_"))
                            .orElse(""));
        }

        /**
         * The change record a surface belongs to ({@code --change N}, else the newest), after the ownership rule: a
         * surface in a module another team owns needs the record to name an approver.
         */
        Change changeFor(Args args, Module module) {
            List<Change> changes = changes();
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("no change record yet: start the integration change with"
                        + " ./scaffold change \"<business requirement>\" --module " + module.name());
            }
            Change change = args.option("change")
                    .map(number -> changes.stream()
                            .filter(c -> c.number().equals(String.format("%04d", Integer.parseInt(number))))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("no change record " + number
                                    + " in docs/changes")))
                    .orElse(changes.get(changes.size() - 1));
            if (!change.owner().equals(module.owner()) && change.approver().isEmpty()) {
                throw new IllegalArgumentException("module " + module.name() + " is owned by " + module.owner()
                        + ", but change " + change.number() + " belongs to " + change.owner() + " (module "
                        + change.module() + "). Ask " + module.owner() + " to approve, and record it in "
                        + root.relativize(change.file()) + " (- **Approved by**: @handle), or open a change"
                        + " record for " + module.name() + ".");
            }
            return change;
        }

        /** Names every verb shares. */
        Map<String, String> names(Module module, Change change) {
            Map<String, String> names = new LinkedHashMap<>();
            names.put("package", basePackage);
            names.put("packageDir", baseDir());
            names.put("Application", application);
            names.put("appName", appName);
            names.put("typePrefix", typePrefix);
            names.put("module", module.name());
            names.put("Module", Names.pascal(module.name()));
            names.put("MODULE", module.name().toUpperCase(Locale.ROOT));
            names.put("ModuleDisplay", module.displayName());
            names.put("owner", module.owner());
            if (change != null) {
                names.put("change", root.relativize(change.file()).toString());
                names.put("changeNumber", change.number());
            }
            names.put("today", LocalDate.now().toString());
            return names;
        }
    }

    static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
