import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one verb will do: its manifest ({@code src/scaffold/templates/<verb>/manifest}) rendered with the verb's
 * names, worked out in memory first and written only when every step is possible.
 *
 * <p>Manifest lines, fields separated by {@code " | "}; a leading {@code ?name} or {@code ?!name} keeps a line only
 * when the name is (or is not) {@code true}:
 *
 * <pre>
 * create | target | template                        a new file; an existing one is kept as it is
 * insert | target | before|after|end | anchor | template [| unless | text]
 *                                                    the template's lines at the line holding anchor, indented
 *                                                    like it; skipped when the same lines (or text) are there
 * append | target | after | anchor | text           text appended to the line after the anchor, unless there
 * import | target | fully.qualified.Type           a Java import, in order
 * replace | target | text | replacement             text replaced where it occurs (nothing when it does not)
 * refuse | target | text | message                  stop with message when target holds text (fresh runs only)
 * </pre>
 */
final class Plan {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    final String verb;
    final String title;
    final Map<String, String> names;
    final List<String> next = new ArrayList<>();
    final List<List<String>> commands = new ArrayList<>();
    final List<String> commandReasons = new ArrayList<>();
    boolean format = true;

    Plan(String verb, String title, Map<String, String> names) {
        this.verb = verb;
        this.title = title;
        this.names = names;
    }

    Plan next(String line) {
        next.add(render(line, "(next steps)"));
        return this;
    }

    Plan command(String reason, List<String> command) {
        commandReasons.add(reason);
        commands.add(command);
        return this;
    }

    int carryOut(Path root, boolean dryRun, PrintStream out) {
        Path templates = root.resolve("src/scaffold/templates").resolve(verb);
        List<String[]> manifest = applicable(manifest(templates.resolve("manifest")));
        Map<Path, String> files = new LinkedHashMap<>();
        Map<Path, List<String>> edits = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        Path primary = null;

        for (String[] step : manifest) {
            if (step[0].equals("create")) {
                primary = root.resolve(render(step[1], "manifest"));
                break;
            }
        }
        boolean fresh = primary == null || !Files.exists(primary);

        for (String[] step : manifest) {
            Path target = root.resolve(render(step[1], "manifest")).normalize();
            String shown = root.relativize(target).toString();
            switch (step[0]) {
                case "refuse" -> {
                    if (fresh && Files.exists(target) && Scaffold.read(target).contains(render(step[2], "manifest"))) {
                        throw new IllegalArgumentException(render(step[3], "manifest"));
                    }
                }
                case "create" -> {
                    if (Files.exists(target)) {
                        kept.add(shown);
                    } else if (files.containsKey(target)) {
                        throw new IllegalStateException("manifest of " + verb + " creates " + shown + " twice");
                    } else {
                        files.put(target, render(template(templates, step[2]), step[2]));
                        edits.put(target, new ArrayList<>(List.of("created")));
                    }
                }
                case "insert" -> {
                    if (step.length > 6 && step[5].equals("unless") && contains(files, target, render(step[6], "manifest"))) {
                        continue;
                    }
                    edit(files, edits, target, shown, text -> insert(
                        text, shown, step[2], render(step[3], "manifest"), render(template(templates, step[4]), step[4])),
                        "at " + render(step[3], "manifest").trim());
                }
                case "append" -> edit(files, edits, target, shown, text -> append(
                        text, shown, render(step[3], "manifest"), render(step[4], "manifest")),
                        "after " + render(step[3], "manifest").trim());
                case "replace" -> edit(
                        files,
                        edits,
                        target,
                        shown,
                        text -> text.replace(render(step[2], "manifest"), render(step[3], "manifest")),
                        "updated");
                case "import" -> edit(files, edits, target, shown, text -> Java.addImport(
                        text, render(step[2], "manifest")), "import " + render(step[2], "manifest"));
                default -> throw new IllegalStateException(
                        "manifest of " + verb + ": unknown step '" + step[0] + "'");
            }
        }

        List<Path> changed = edits.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
        out.println(title);
        if (changed.isEmpty()) {
            out.println("  nothing to do: everything this would write is already in place");
            return 0;
        }
        for (Path file : changed) {
            List<String> what = edits.get(file);
            String verbShown = what.get(0).equals("created") ? "create " : "change ";
            out.println("  " + (dryRun ? "would " : "") + verbShown + " " + root.relativize(file)
                    + (what.get(0).equals("created") ? "" : " (" + String.join("; ", what) + ")"));
        }
        for (String file : kept) {
            out.println("  kept    " + file + " (exists; never overwritten)");
        }
        if (dryRun) {
            for (int i = 0; i < commands.size(); i++) {
                out.println("  would run " + String.join(" ", commands.get(i)) + " (" + commandReasons.get(i) + ")");
            }
            out.println("Dry run: nothing written.");
            return 0;
        }
        for (Path file : changed) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, files.get(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> java = changed.stream()
                .map(file -> root.relativize(file).toString())
                .filter(file -> file.endsWith(".java") && file.startsWith("src/"))
                .toList();
        if (format && !java.isEmpty() && commands.stream().noneMatch(command -> command.contains("spotless:apply"))) {
            commandReasons.add(0, "the formatter, on the Java files above");
            commands.add(0, List.of(
                    "./mvnw", "-q", "spotless:apply",
                    "-DspotlessFiles=" + String.join(",", java.stream().map(file -> ".*" + Pattern.quote(file)).toList())));
        }
        int status = runCommands(root, out);
        if (!next.isEmpty()) {
            out.println("Next:");
            next.forEach(line -> out.println("  " + line));
        }
        return status;
    }

    private static boolean contains(Map<Path, String> files, Path target, String text) {
        String content = files.containsKey(target)
                ? files.get(target)
                : Files.isRegularFile(target) ? Scaffold.read(target) : "";
        return content.contains(text);
    }

    /** Runs the plan's commands (the formatter, the API baseline) after its files are written. */
    int runCommands(Path root, PrintStream out) {
        int status = 0;
        for (int i = 0; i < commands.size(); i++) {
            out.println("Running " + String.join(" ", commands.get(i)) + " (" + commandReasons.get(i) + ")");
            if (!run(root, commands.get(i))) {
                out.println("  that failed: the files are written; run it again once the build is green");
                status = 3;
            }
        }
        return status;
    }

    private interface Edit {
        String apply(String text);
    }

    private static void edit(
            Map<Path, String> files, Map<Path, List<String>> edits, Path target, String shown, Edit edit, String what) {
        String text = files.get(target);
        if (text == null) {
            if (!Files.isRegularFile(target)) {
                throw new IllegalArgumentException("cannot change " + shown + ": it does not exist (was it moved?)");
            }
            text = Scaffold.read(target);
        }
        String result = edit.apply(text);
        files.put(target, result);
        List<String> list = edits.computeIfAbsent(target, key -> new ArrayList<>());
        if (!result.equals(text) && !list.contains("created")) {
            list.add(what);
        }
    }

    static String insert(String text, String shown, String where, String anchor, String block) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (where.equals("end")) {
            String joined = block.stripTrailing();
            return text.contains(joined) ? text : text.stripTrailing() + "\n\n" + joined + "\n";
        }
        int at = anchorLine(lines, shown, anchor);
        String indent = lines.get(at).substring(0, lines.get(at).length() - lines.get(at).stripLeading().length());
        List<String> insertion = new ArrayList<>();
        for (String line : block.split("\n", -1)) {
            insertion.add(line.isEmpty() ? "" : indent + line);
        }
        while (!insertion.isEmpty() && insertion.get(insertion.size() - 1).isEmpty()) {
            insertion.remove(insertion.size() - 1);
        }
        String joined = String.join("\n", insertion);
        if (text.contains(joined)) {
            return text;
        }
        lines.addAll(where.equals("after") ? at + 1 : at, insertion);
        return String.join("\n", lines);
    }

    static String append(String text, String shown, String anchor, String addition) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = anchorLine(lines, shown, anchor) + 1;
        String core = addition.replaceFirst("^[,\\s]+", "");
        if (at >= lines.size()) {
            throw new IllegalArgumentException("nothing follows '" + anchor.trim() + "' in " + shown);
        }
        if (lines.get(at).contains(core)) {
            return text;
        }
        Matcher empty = Pattern.compile("^(\\s*[\\w.-]+:)\\s*(\"\"|'')?\\s*$").matcher(lines.get(at));
        lines.set(at, empty.matches() ? empty.group(1) + " " + core : lines.get(at).stripTrailing() + addition);
        return String.join("\n", lines);
    }

    private static int anchorLine(List<String> lines, String shown, String anchor) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(anchor.trim())) {
                return i;
            }
        }
        throw new IllegalArgumentException("the marker '" + anchor.trim() + "' is missing from " + shown
                + ": the scaffold inserts there. Put it back (see the file's history) and run again.");
    }

    private static List<String[]> manifest(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no manifest at " + file);
        }
        List<String[]> steps = new ArrayList<>();
        for (String line : Scaffold.read(file).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            steps.add(trimmed.split(" \\| ", -1));
        }
        return steps;
    }

    /** Drops the steps whose condition ({@code ?name} or {@code ?!name} before the step) does not hold. */
    private List<String[]> applicable(List<String[]> steps) {
        List<String[]> kept = new ArrayList<>();
        for (String[] step : steps) {
            if (step[0].startsWith("?")) {
                String[] parts = step[0].split("\\s+", 2);
                boolean negated = parts[0].startsWith("?!");
                if (isTrue(parts[0].substring(negated ? 2 : 1)) == negated) {
                    continue;
                }
                step = step.clone();
                step[0] = parts[1];
            }
            kept.add(step);
        }
        return kept;
    }

    private String template(Path templates, String name) {
        Path file = templates.resolve(name.strip());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("template " + file + " is missing");
        }
        return Scaffold.read(file);
    }

    /** Fills {@code {{name}}}; keeps or drops {@code {{#name}}...{{/name}}} and {@code {{^name}}...{{/name}}}. */
    String render(String template, String source) {
        StringBuilder result = new StringBuilder();
        List<Boolean> keep = new ArrayList<>();
        for (String line : template.split("\n", -1)) {
            String trimmed = line.strip();
            Matcher section = Pattern.compile("\\{\\{([#^/])([A-Za-z][A-Za-z0-9]*)}}").matcher(trimmed);
            if (section.matches()) {
                switch (section.group(1)) {
                    case "#" -> keep.add(isTrue(section.group(2)));
                    case "^" -> keep.add(!isTrue(section.group(2)));
                    default -> keep.remove(keep.size() - 1);
                }
                continue;
            }
            if (keep.contains(false)) {
                continue;
            }
            Matcher alone = PLACEHOLDER.matcher(trimmed);
            if (alone.matches() && value(alone.group(1), source).contains("\n")) {
                String indent = line.substring(0, line.indexOf("{{"));
                for (String valueLine : value(alone.group(1), source).split("\n")) {
                    result.append(valueLine.isEmpty() ? "" : indent + valueLine).append('\n');
                }
                continue;
            }
            if (alone.matches() && value(alone.group(1), source).isEmpty()) {
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(line);
            StringBuilder filled = new StringBuilder();
            while (placeholder.find()) {
                placeholder.appendReplacement(filled, Matcher.quoteReplacement(value(placeholder.group(1), source)));
            }
            placeholder.appendTail(filled);
            result.append(filled).append('\n');
        }
        return result.substring(0, Math.max(0, result.length() - 1));
    }

    private boolean isTrue(String name) {
        return "true".equals(names.get(name));
    }

    private String value(String name, String source) {
        String value = names.get(name);
        if (value == null) {
            throw new IllegalStateException(source + " uses {{" + name + "}}, which the " + verb
                    + " verb does not provide. It provides: " + String.join(", ", names.keySet()));
        }
        return value;
    }

    private static boolean run(Path root, List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .inheritIO()
                    .start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
