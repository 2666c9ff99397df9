import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./scaffold init --group <g> --artifact <a> --package <p> [--without-examples] [--dry-run]}: turns a fresh
 * clone of the template into a team's own service. It renames the Maven coordinates, the root Java package (in every
 * file and in the directory layout), the application name and what derives from it (metric tags, CloudEvents
 * {@code ce_source} and {@code ce_type}, consumer groups, the stubs jar), and with {@code --without-examples} removes
 * the example modules and everything that belongs to them. All changes are computed first and written last, so a
 * refused run writes nothing; a second run with the same arguments finds nothing to do.
 */
final class Init {

    // Spelt in parts, so that a search for the old package in an initialised repository finds nothing here.
    static final String TEMPLATE_PACKAGE = String.join(".", "com", "example", "service");
    static final List<String> EXAMPLE_MODULES = List.of("orders", "shipping");
    /** Example-only files that live outside the modules' own folders (the stubs consumer, the carrier's runbook). */
    static final List<String> EXAMPLE_ONLY =
            List.of("src/test/java/com/example/consumer", "runbooks/carrier-circuit-open.md");

    static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_\\-.]+");
    static final Pattern ARTIFACT = Pattern.compile("[a-z][a-z0-9-]*");
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var",
            "record", "yield", "sealed", "permits", "non-sealed", "_");

    private final Path root;
    private final String group;
    private final String artifact;
    private final String pkg;
    private final boolean withoutExamples;

    // What the repository says today.
    private String fromPackage;
    private String fromGroup;
    private String fromArtifact;
    private String fromAppName;
    private String fromTypePrefix;

    // The plan: new contents by (new) path, moves, removals.
    private final Map<String, String> contents = new TreeMap<>();
    private final Map<String, String> moves = new TreeMap<>();
    private final Set<String> removals = new TreeSet<>();
    private final Set<String> changed = new TreeSet<>();

    private Init(Path root, String group, String artifact, String pkg, boolean withoutExamples) {
        this.root = root;
        this.group = group;
        this.artifact = artifact;
        this.pkg = pkg;
        this.withoutExamples = withoutExamples;
    }

    static int run(Path root, List<String> args, PrintStream out) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean dryRun = false;
        boolean withoutExamples = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--without-examples" -> withoutExamples = true;
                case "--group", "--artifact", "--package" -> {
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new IllegalArgumentException(arg + " needs a value. " + usage());
                        }
                        value = args.get(++i);
                    }
                    options.put(arg.substring(2), value);
                }
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'. " + usage());
            }
        }
        for (String required : List.of("group", "artifact", "package")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("Missing --" + required + ". " + usage());
            }
        }
        String group = options.get("group");
        String artifact = options.get("artifact");
        String pkg = options.get("package");
        if (!GROUP.matcher(group).matches() || group.startsWith(".") || group.endsWith(".") || group.contains("..")) {
            throw new IllegalArgumentException("Invalid --group '" + group
                    + "': a Maven groupId is letters, digits, '_', '-' and '.' (e.g. org.acme).");
        }
        if (!ARTIFACT.matcher(artifact).matches()) {
            throw new IllegalArgumentException("Invalid --artifact '" + artifact
                    + "': start with a lowercase letter, then lowercase letters, digits or '-' (e.g. parcels).");
        }
        validatePackage(pkg);

        Init init = new Init(root.toAbsolutePath().normalize(), group, artifact, pkg, withoutExamples);
        init.readRepository();
        init.plan();
        return init.report(out, dryRun);
    }

    static String usage() {
        return "Usage: ./scaffold init --group <groupId> --artifact <artifactId> --package <java.package>"
                + " [--without-examples] [--dry-run]";
    }

    static void validatePackage(String pkg) {
        String[] parts = pkg.split("\\.", -1);
        for (String part : parts) {
            if (!IDENTIFIER.matcher(part).matches() || KEYWORDS.contains(part)) {
                throw new IllegalArgumentException("Invalid --package '" + pkg + "': '" + part
                        + "' is not a lowercase Java identifier (or is a keyword). Use lowercase segments separated"
                        + " by dots, e.g. org.acme.parcels.");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- reading

    private void readRepository() {
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalArgumentException("No pom.xml in " + root + ": run init from the repository's root.");
        }
        fromPackage = findApplicationPackage();
        if (!fromPackage.equals(TEMPLATE_PACKAGE) && !fromPackage.equals(pkg)) {
            throw new IllegalArgumentException("This repository was already initialised with the package "
                    + fromPackage + ", not " + pkg + ". Run init with --package " + fromPackage
                    + " (init renames only the template's package " + TEMPLATE_PACKAGE + ").");
        }
        String pom = read("pom.xml");
        String project = pom.substring(Math.max(0, pom.indexOf("</parent>")));
        fromGroup = firstGroup(project, "<groupId>([^<]+)</groupId>");
        fromArtifact = firstGroup(project, "<artifactId>([^<]+)</artifactId>");
        String yaml = Files.isRegularFile(root.resolve("src/main/resources/application.yaml"))
                ? read("src/main/resources/application.yaml")
                : "";
        Matcher name = Pattern.compile("(?m)^spring:\\s*\\n(?:[ \\t].*\\n)*?\\s+application:\\s*\\n\\s+name:\\s*(\\S+)")
                .matcher(yaml);
        fromAppName = name.find() ? name.group(1) : fromArtifact;
        Matcher prefix = Pattern.compile("(?m)^\\s*type-prefix:\\s*(\\S+)\\s*$").matcher(yaml);
        fromTypePrefix = prefix.find() ? prefix.group(1) : fromGroup;
    }

    private String findApplicationPackage() {
        Path main = root.resolve("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                if (text.contains("@SpringBootApplication")) {
                    Matcher m = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(text);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(
                "No @SpringBootApplication class under src/main/java: is this the service template?");
    }

    private static String firstGroup(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("Cannot read " + regex + " from pom.xml");
        }
        return m.group(1).trim();
    }

    // ---------------------------------------------------------------------------------------------------- planning

    private void plan() {
        String fromPath = fromPackage.replace('.', '/');
        String toPath = pkg.replace('.', '/');
        List<String> files = listFiles();

        // What goes with the examples: their folders, the files their teams own, and example-only files.
        Set<String> removedModules = new LinkedHashSet<>();
        Set<String> removedTypes = new TreeSet<>();
        Set<String> exampleTeams = new TreeSet<>();
        List<String> ownedGlobs = new ArrayList<>();
        if (withoutExamples) {
            for (String module : EXAMPLE_MODULES) {
                if (Files.isDirectory(root.resolve("src/main/java/" + fromPath + "/" + module))) {
                    removedModules.add(module);
                }
            }
            readCodeowners(fromPath, removedModules, exampleTeams, ownedGlobs);
        }
        Set<String> removedTopics = new TreeSet<>();
        for (String file : files) {
            if (withoutExamples && belongsToExamples(file, fromPath, removedModules, ownedGlobs)) {
                removals.add(file);
                if (file.endsWith(".java")) {
                    removedTypes.add(file.substring(file.lastIndexOf('/') + 1, file.length() - 5));
                }
                Matcher topic = Pattern.compile("contracts/events/\\w+/(.+)\\.schema\\.json").matcher(file);
                if (topic.matches()) {
                    removedTopics.add(topic.group(1));
                }
            }
        }

        for (String file : files) {
            if (removals.contains(file)) {
                continue;
            }
            String target = file;
            if (!fromPackage.equals(pkg) && file.startsWith("src/") && file.contains("/" + fromPath + "/")) {
                target = file.replace("/" + fromPath + "/", "/" + toPath + "/");
            }
            String text = readText(file);
            if (text == null) {
                if (!target.equals(file)) {
                    moves.put(file, target);
                }
                continue;
            }
            String updated = rename(file, text);
            if (withoutExamples && !removedModules.isEmpty()) {
                updated = withoutExamples(target, updated, removedModules, removedTypes, removedTopics, exampleTeams);
                if (updated == null) {
                    removals.add(file);
                    continue;
                }
            }
            if (file.endsWith(".java") && !file.endsWith("-info.java") && !updated.equals(text)) {
                updated = tidyImports(updated);
            }
            if (!target.equals(file)) {
                moves.put(file, target);
                contents.put(target, updated);
            } else if (!updated.equals(text)) {
                changed.add(file);
                contents.put(file, updated);
            }
        }
    }

    private List<String> listFiles() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !skipped(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Never touched: git's own files, build output, and the scaffold itself. */
    static boolean skipped(String file) {
        return file.startsWith(".git/")
                || file.startsWith("src/scaffold/")
                || file.equals("scaffold")
                || file.startsWith("target/")
                || file.contains("/target/")
                || file.startsWith(".idea/");
    }

    private void readCodeowners(
            String fromPath, Set<String> modules, Set<String> teams, List<String> ownedGlobs) {
        if (!Files.isRegularFile(root.resolve(".github/CODEOWNERS"))) {
            return;
        }
        List<String[]> entries = read(".github/CODEOWNERS")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+"))
                .filter(parts -> parts.length > 1)
                .toList();
        for (String[] entry : entries) {
            for (String module : modules) {
                if (entry[0].equals("/src/main/java/" + fromPath + "/" + module + "/")) {
                    teams.add(entry[1]);
                }
            }
        }
        for (String[] entry : entries) {
            if (teams.contains(entry[1])) {
                ownedGlobs.add(entry[0]);
            }
        }
    }

    private boolean belongsToExamples(String file, String fromPath, Set<String> modules, List<String> globs) {
        for (String module : modules) {
            if (file.matches("src/[^/]+/java/" + Pattern.quote(fromPath + "/" + module) + "/.*")
                    || file.startsWith("src/main/resources/db/migration/" + module + "/")) {
                return true;
            }
        }
        for (String only : EXAMPLE_ONLY) {
            if (file.equals(only) || file.startsWith(only + "/")) {
                return true;
            }
        }
        for (String glob : globs) {
            if (codeownersMatch(glob, "/" + file)) {
                return true;
            }
        }
        // The benchmark exercises the outbox through an example module.
        if (file.startsWith("src/benchmark/") && file.endsWith(".java")) {
            String text = readFile(file);
            for (String module : modules) {
                if (text != null && text.contains(fromPath.replace('/', '.') + "." + module + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    private String readFile(String file) {
        return readText(file);
    }

    /** CODEOWNERS patterns as used here: a leading /, a trailing / for a folder, * within a name. */
    static boolean codeownersMatch(String pattern, String path) {
        if (!pattern.startsWith("/")) {
            return false;
        }
        String regex = Pattern.quote(pattern).replace("*", "\\E[^/]*\\Q");
        if (pattern.endsWith("/")) {
            regex = regex + ".*";
        }
        return path.matches(regex);
    }

    // ---------------------------------------------------------------------------------------------------- rules

    /** The package, the coordinates, the application name and what derives from them. */
    private String rename(String file, String text) {
        String result = text;
        if (!fromPackage.equals(pkg)) {
            result = result.replaceAll(
                    "(?<![\\w.])" + Pattern.quote(fromPackage) + "(?![\\w])", Matcher.quoteReplacement(pkg));
            result = result.replaceAll(
                    "(?<![\\w.-])" + Pattern.quote(fromPackage.replace('.', '/')) + "(?![\\w])",
                    Matcher.quoteReplacement(pkg.replace('.', '/')));
        }
        if (file.equals("pom.xml")) {
            result = pom(result);
        }
        if (!fromAppName.equals(artifact)) {
            result = appName(file, result);
        }
        if (!fromGroup.equals(group)) {
            String coordinates = Pattern.quote(fromGroup + ":" + fromArtifact) + "(?=:)";
            result = result.replaceAll(coordinates, Matcher.quoteReplacement(group + ":" + artifact));
            result = result.replaceAll(
                    "\"" + Pattern.quote(fromGroup) + "\",\\s*\"" + Pattern.quote(fromArtifact) + "\"",
                    Matcher.quoteReplacement("\"" + group + "\", \"" + artifact + "\""));
        }
        if (!fromTypePrefix.equals(group)) {
            result = typePrefix(result);
        }
        return result;
    }

    private String pom(String text) {
        int start = Math.max(0, text.indexOf("</parent>"));
        String head = text.substring(0, start);
        String project = text.substring(start);
        project = project.replaceFirst(
                "<groupId>" + Pattern.quote(fromGroup) + "</groupId>",
                Matcher.quoteReplacement("<groupId>" + group + "</groupId>"));
        project = project.replaceFirst(
                "<artifactId>" + Pattern.quote(fromArtifact) + "</artifactId>",
                Matcher.quoteReplacement("<artifactId>" + artifact + "</artifactId>"));
        project = project.replaceFirst(
                "<name>" + Pattern.quote(fromArtifact) + "</name>",
                Matcher.quoteReplacement("<name>" + artifact + "</name>"));
        project = project.replaceFirst(
                "<description>[^<]*\\btemplate\\b[^<]*</description>",
                Matcher.quoteReplacement("<description>The " + artifact + " service</description>"));
        return head + project;
    }

    /** {@code spring.application.name} and the names derived from it. */
    private String appName(String file, String text) {
        String from = Pattern.quote(fromAppName);
        String to = Matcher.quoteReplacement(artifact);
        String result = text;
        if (file.matches("src/.*/application[^/]*\\.ya?ml")) {
            result = result.replaceAll("(?m)^(\\s+application:\\s*\\n\\s+name:\\s*)" + from + "\\s*$", "$1" + to);
        }
        // Metric tags: application="service" (also inside Java strings).
        result = result.replaceAll("(application=\\\\?\")" + from + "(\\\\?\")", "$1" + to + "$2");
        // Operator scopes <application>.flags:admin and <application>.ops:admin, as the docs spell them.
        result = result.replaceAll("(?<![\\w.-])" + from + "\\.(?=(?:flags|ops):admin)", to + ".");
        // ce_source /<application>/<module>, and the settings' default source.
        result = result.replaceAll("(?<=[\\s\"'`(=])/" + from + "(?=/|\"|`)", "/" + to);
        // Consumer groups <application>-<module>.
        for (String module : modules()) {
            result = result.replaceAll("(?<![\\w/-])" + from + "-" + Pattern.quote(module) + "(?![\\w])",
                    to + "-" + Matcher.quoteReplacement(module));
        }
        // The stubs jar and its artifact, the API document's title.
        result = result.replaceAll("(?<![\\w/.-])" + from + "-(?=<version>|\\*|\\$\\{)", to + "-");
        result = result.replaceAll("(findStubUrl\\(\")" + from + "(\"\\))", "$1" + to + "$2");
        result = result.replaceAll("(\"title\"\\s*:\\s*\")" + from + "\"", "$1" + to + "\"");
        return result;
    }

    /** The CloudEvents type prefix (ce_type is {@code <prefix>.<topic>}), taken from the group. */
    private String typePrefix(String text) {
        String from = Pattern.quote(fromTypePrefix);
        String to = Matcher.quoteReplacement(group);
        String result = text.replaceAll("(?m)^(\\s*type-prefix:\\s*)" + from + "\\s*$", "$1" + to);
        result = result.replaceAll(
                "(?<![\\w.])" + from + "\\.(?=[a-z][a-z0-9-]*\\.[a-z0-9-]+\\.v[0-9]|<topic>|\" \\+)", to + ".");
        result = result.replaceAll("\"" + from + "\"(?=\\s*[,)])", "\"" + to + "\"");
        return result;
    }

    private Set<String> modules() {
        Set<String> modules = new TreeSet<>();
        Path base = root.resolve("src/main/java/" + fromPackage.replace('.', '/'));
        if (Files.isDirectory(base)) {
            try (Stream<Path> children = Files.list(base)) {
                children.filter(Files::isDirectory)
                        .forEach(dir -> modules.add(dir.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return modules;
    }

    /** Removes what refers to the example modules; null when the whole file depends on them. */
    private String withoutExamples(
            String file,
            String text,
            Set<String> modules,
            Set<String> types,
            Set<String> topics,
            Set<String> teams) {
        String result = text;
        String alternatives = modules.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        String removedPackage = Pattern.quote(pkg) + "\\.(?:" + alternatives + ")";
        String removedPath = Pattern.quote(pkg.replace('.', '/')) + "/(?:" + alternatives + ")/";
        if (file.endsWith(".java")) {
            // The removed types this file imports: their samples (map.put(Type.class, ...)) go; any other use means the file
            // depends on the examples and goes with them.
            Set<String> imported = new TreeSet<>();
            Matcher imports = Pattern.compile("(?m)^import\\s+(?:static\\s+)?" + removedPackage + "\\.([\\w.*]+);\\n")
                    .matcher(result);
            while (imports.find()) {
                String name = imports.group(1);
                String last = name.substring(name.lastIndexOf('.') + 1);
                if (last.equals("*")) {
                    imported.addAll(types);
                } else {
                    imported.addAll(List.of(name.split("\\.")));
                }
            }
            imported.retainAll(types);
            result = imports.replaceAll("");
            result = removePutStatements(result, imported);
            String code = stripJava(result);
            if (Pattern.compile(removedPackage + "\\.").matcher(code).find()) {
                return null;
            }
            for (String type : imported) {
                if (Pattern.compile("\\b" + Pattern.quote(type) + "\\b").matcher(code).find()) {
                    return null;
                }
            }
            return result;
        }
        if (file.equals(".github/CODEOWNERS")) {
            return removeLines(result, line -> teams.stream().anyMatch(team -> line.matches("\\S+\\s+" + Pattern.quote(team) + "\\s*"))
                    || Pattern.compile(removedPath).matcher(line).find());
        }
        if (file.equals(".github/protected-areas")) {
            return removeLines(result, line -> !line.startsWith("#") && Pattern.compile(removedPath).matcher(line).find());
        }
        if (file.matches("src/.*/application[^/]*\\.ya?ml")) {
            return yaml(result, modules, removedPackage);
        }
        if (file.endsWith(".puml")) {
            return diagram(removeLines(result, line -> modules.stream()
                    .map(Init::capitalize)
                    .anyMatch(m -> line.matches(".*\\." + Pattern.quote(m) + "[,)].*"))));
        }
        if (file.endsWith(".md")) {
            return markdown(result, modules, topics);
        }
        return result;
    }

    /**
     * Modulith's Documenter draws only modules that have a relation: with none left (the platform alone), its C4
     * diagram has no component, no boundary and no component include, and the committed one must say the same.
     */
    static String diagram(String text) {
        if (text.contains("Rel(")) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        boolean inBoundary = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("System_Boundary(")) {
                inBoundary = true;
            }
            if (!inBoundary && !line.equals("!include <C4/C4_Component>")) {
                kept.add(line);
            }
            if (inBoundary && line.equals("}")) {
                inBoundary = false;
            }
        }
        String result = String.join("\n", kept);
        return result.replaceAll("\n{3,}", "\n\n");
    }

    private static String capitalize(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static String removeLines(String text, java.util.function.Predicate<String> remove) {
        return text.lines().filter(remove.negate()).collect(Collectors.joining("\n", "", text.endsWith("\n") ? "\n" : ""));
    }

    /** Table rows that name a removed module or one of its topics. */
    private static String markdown(String text, Set<String> modules, Set<String> topics) {
        return removeLines(text, line -> {
            if (!line.startsWith("|")) {
                return false;
            }
            String first = line.substring(1, Math.max(1, line.indexOf('|', 1))).strip();
            for (String module : modules) {
                if (first.equals("`" + module + "`")) {
                    return true;
                }
            }
            for (String topic : topics) {
                if (first.contains(topic)) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * application*.yaml: the modules' own settings blocks, entries of {@code togglz.feature-enums}, named instances
     * ({@code ...instances.<name>}) that refer to a removed type, and their siblings of the same name elsewhere.
     */
    static String yaml(String text, Set<String> modules, String removedPackage) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        Pattern reference = Pattern.compile(removedPackage + "\\.");
        for (int i = 0; i < lines.size(); i++) {
            Matcher enums = Pattern.compile("^(\\s*feature-enums:\\s*)(.*)$").matcher(lines.get(i));
            if (enums.matches()) {
                String kept = java.util.Arrays.stream(enums.group(2).replace("\"", "").split(","))
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty() && !reference.matcher(entry + ".").find())
                        .collect(Collectors.joining(", "));
                lines.set(i, enums.group(1) + (kept.isEmpty() ? "\"\"" : kept));
            }
        }
        boolean[] removed = new boolean[lines.size()];
        Set<String> instances = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String key = key(lines.get(i));
            if (key != null && indent(lines.get(i)) == 0 && modules.contains(key)) {
                removeBlock(lines, removed, i);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (removed[i] || !reference.matcher(lines.get(i)).find()) {
                continue;
            }
            // The named instance that holds the reference, if any; otherwise just the line.
            int child = -1;
            int want = indent(lines.get(i));
            for (int j = i; j >= 0; j--) {
                String key = key(lines.get(j));
                if (key == null || indent(lines.get(j)) >= want && j != i) {
                    continue;
                }
                if (key.equals("instances") && child >= 0) {
                    instances.add(key(lines.get(child)));
                    break;
                }
                child = j;
                want = indent(lines.get(j));
            }
            if (child < 0 || !instances.contains(key(lines.get(child)))) {
                removed[i] = true;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String key = key(lines.get(i));
            if (!removed[i] && key != null && instances.contains(key) && parentKey(lines, i).equals("instances")) {
                removeBlock(lines, removed, i);
            }
        }
        // Parents left without children go too.
        boolean again = true;
        while (again) {
            again = false;
            for (int i = 0; i < lines.size(); i++) {
                if (removed[i] || !lines.get(i).matches("\\s*[\\w.-]+:\\s*")) {
                    continue;
                }
                int next = i + 1;
                while (next < lines.size() && (removed[next] || lines.get(next).isBlank()
                        || lines.get(next).strip().startsWith("#") && indent(lines.get(next)) > indent(lines.get(i)))) {
                    next++;
                }
                if (next >= lines.size() || indent(lines.get(next)) <= indent(lines.get(i))) {
                    removeBlock(lines, removed, i);
                    again = true;
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!removed[i]) {
                kept.add(lines.get(i));
            }
        }
        // No doubled blank lines where a block went.
        List<String> tidy = new ArrayList<>();
        for (String line : kept) {
            if (line.isBlank() && (tidy.isEmpty() || tidy.get(tidy.size() - 1).isBlank())) {
                continue;
            }
            tidy.add(line);
        }
        while (!tidy.isEmpty() && tidy.get(tidy.size() - 1).isBlank()) {
            tidy.remove(tidy.size() - 1);
        }
        return String.join("\n", tidy) + (text.endsWith("\n") ? "\n" : "");
    }

    private static String key(String line) {
        Matcher m = Pattern.compile("^\\s*([\\w.-]+):(?:\\s.*)?$").matcher(line);
        return m.matches() && !line.strip().startsWith("#") ? m.group(1) : null;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String parentKey(List<String> lines, int index) {
        int indent = indent(lines.get(index));
        for (int j = index - 1; j >= 0; j--) {
            String key = key(lines.get(j));
            if (key != null && indent(lines.get(j)) < indent) {
                return key;
            }
        }
        return "";
    }

    /** A key, its deeper lines, and the comment lines right above it. */
    private static void removeBlock(List<String> lines, boolean[] removed, int start) {
        int indent = indent(lines.get(start));
        removed[start] = true;
        int end = start + 1;
        while (end < lines.size()
                && (lines.get(end).isBlank() && end + 1 < lines.size() && indent(lines.get(end + 1)) > indent
                        || !lines.get(end).isBlank() && indent(lines.get(end)) > indent
                        || !lines.get(end).isBlank() && lines.get(end).strip().startsWith("- ") && indent(lines.get(end)) >= indent && start + 1 < end)) {
            removed[end++] = true;
        }
        for (int j = start - 1; j >= 0 && lines.get(j).strip().startsWith("#") && indent(lines.get(j)) == indent; j--) {
            removed[j] = true;
        }
    }

    /**
     * Imports as Spotless keeps them ({@code importOrder}, {@code removeUnusedImports}): static ones first, then the
     * rest, each group sorted; an import no longer used (in code or Javadoc) goes. A renamed package sorts elsewhere.
     */
    static String tidyImports(String text) {
        Matcher first = Pattern.compile("(?m)^import\\s").matcher(text);
        if (!first.find()) {
            return text;
        }
        int start = first.start();
        Matcher line = Pattern.compile("(?m)^(?:import\\s+[^;]+;[ \\t]*\\n|[ \\t]*\\n)").matcher(text);
        int end = start;
        while (line.find(end) && line.start() == end) {
            end = line.end();
        }
        List<String> imports = text.substring(start, end).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String rest = text.substring(end);
        String body = stripStringsAndLineComments(rest);
        List<String> statics = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String anImport : new LinkedHashSet<>(imports)) {
            String name = anImport.replaceFirst("^import\\s+(static\\s+)?", "").replaceFirst("\\s*;$", "");
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (!simple.equals("*") && !Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(body).find()) {
                continue;
            }
            (anImport.matches("import\\s+static\\s.*") ? statics : plain).add(name);
        }
        statics.sort(null);
        plain.sort(null);
        StringBuilder block = new StringBuilder();
        statics.forEach(name -> block.append("import static ").append(name).append(";\n"));
        if (!statics.isEmpty() && !plain.isEmpty()) {
            block.append("\n");
        }
        plain.forEach(name -> block.append("import ").append(name).append(";\n"));
        if (block.length() > 0) {
            block.append("\n");
        }
        return text.substring(0, start) + block + rest;
    }

    private static String stripStringsAndLineComments(String text) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("/*", i)) {
                // Comments (Javadoc's {@link}s count as uses) are kept whole, apostrophes and all.
                int end = skipLiteral(text, i);
                code.append(text, i, end);
                i = end - 1;
                continue;
            }
            int skip = skipLiteral(text, i);
            if (skip > i) {
                code.append(' ');
                i = skip - 1;
            } else {
                code.append(text.charAt(i));
            }
        }
        return code.toString();
    }

    /** Statements {@code map.put(Removed.class, ...);} (the samples the scaffold adds), whole lines. */
    static String removePutStatements(String text, Set<String> types) {
        if (types.isEmpty()) {
            return text;
        }
        String alternatives = types.stream().map(Pattern::quote).collect(java.util.stream.Collectors.joining("|"));
        Matcher put = Pattern.compile("(?m)^[ \\t]*\\w+\\.put\\(\\s*(?:" + alternatives + ")\\.class\\b").matcher(text);
        StringBuilder result = new StringBuilder();
        int from = 0;
        while (put.find(from)) {
            int open = text.indexOf('(', put.start());
            int close = matching(text, open);
            int end = text.indexOf('\n', close);
            if (close < 0 || end < 0 || !text.substring(close + 1, end).strip().equals(";")) {
                break;
            }
            result.append(text, from, put.start());
            from = end + 1;
        }
        return result.append(text.substring(from)).toString();
    }

    /** The closing parenthesis of the one at {@code open}, skipping strings, characters and comments. */
    static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            int skip = skipLiteral(text, i);
            if (skip > i) {
                i = skip - 1;
                continue;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Past a comment, string, text block or character literal starting at {@code i}; {@code i} if none starts. */
    static int skipLiteral(String text, int i) {
        if (text.startsWith("//", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end;
        }
        if (text.startsWith("/*", i)) {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? text.length() : end + 2;
        }
        if (text.startsWith("\"\"\"", i)) {
            int end = text.indexOf("\"\"\"", i + 3);
            return end < 0 ? text.length() : end + 3;
        }
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != c) {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(text.length(), j + 1);
        }
        return i;
    }

    /** Java code without comments and literals (so that a mention in a string or Javadoc is no dependency). */
    static String stripJava(String text) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            int skip = skipLiteral(text, i);
            if (skip > i) {
                code.append(' ');
                i = skip - 1;
            } else {
                code.append(text.charAt(i));
            }
        }
        return code.toString();
    }

    // ---------------------------------------------------------------------------------------------------- writing

    private int report(PrintStream out, boolean dryRun) {
        if (changed.isEmpty() && moves.isEmpty() && removals.isEmpty()) {
            out.println("Nothing to do: the repository is already initialised as " + group + ":" + artifact
                    + " with the package " + pkg + (withoutExamples ? ", without the examples." : "."));
            return 0;
        }
        out.println((dryRun ? "Would initialise " : "Initialising ") + group + ":" + artifact + ", package " + pkg
                + (withoutExamples ? ", without the examples" : "") + ":");
        changed.forEach(file -> out.println("  " + (dryRun ? "would change " : "changed ") + file));
        moves.forEach((from, to) -> out.println("  " + (dryRun ? "would move " : "moved ") + from + " -> " + to));
        removals.forEach(file -> out.println("  " + (dryRun ? "would remove " : "removed ") + file));
        if (dryRun) {
            out.println("Dry run: nothing written.");
            return 0;
        }
        try {
            for (String file : removals) {
                Files.delete(root.resolve(file));
            }
            for (Map.Entry<String, String> move : moves.entrySet()) {
                Path target = root.resolve(move.getValue());
                Files.createDirectories(target.getParent());
                if (contents.containsKey(move.getValue())) {
                    Files.writeString(target, contents.get(move.getValue()));
                    Files.delete(root.resolve(move.getKey()));
                } else {
                    Files.move(root.resolve(move.getKey()), target);
                }
            }
            for (String file : changed) {
                Files.writeString(root.resolve(file), contents.get(file));
            }
            Set<Path> emptied = new TreeSet<>(Comparator.reverseOrder());
            for (String file : removals) {
                emptied.add(root.resolve(file).getParent());
            }
            for (String file : moves.keySet()) {
                emptied.add(root.resolve(file).getParent());
            }
            for (Path dir : emptied) {
                removeEmptyDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("Done: " + changed.size() + " changed, " + moves.size() + " moved, " + removals.size()
                + " removed. Next: ./mvnw verify, then commit.");
        return 0;
    }

    private void removeEmptyDirectories(Path dir) throws IOException {
        while (dir != null && !dir.equals(root) && Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(dir);
            dir = dir.getParent();
        }
    }

    // ---------------------------------------------------------------------------------------------------- files

    private String read(String file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, or null for a binary file. */
    private String readText(String file) {
        try {
            byte[] bytes = Files.readAllBytes(root.resolve(file));
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException binary) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
