import java.util.ArrayList;
import java.util.List;

/** The little the scaffold needs to know about Java source: where an import goes. */
final class Java {

    private Java() {}

    /** Adds {@code import type;} among the other non-static imports, in the order the formatter keeps them. */
    static String addImport(String source, String type) {
        String statement = "import " + type + ";";
        String pkg = type.substring(0, type.lastIndexOf('.'));
        if (source.contains("\n" + statement + "\n") || source.contains("package " + pkg + ";\n")) {
            return source;
        }
        List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
        int packageLine = -1;
        int lastImport = -1;
        int lastStatic = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("package ")) {
                packageLine = i;
            } else if (line.startsWith("import static ")) {
                lastStatic = i;
            } else if (line.startsWith("import ") && !line.startsWith("import static ")) {
                lastImport = i;
                if (line.compareTo(statement) > 0) {
                    lines.add(i, statement);
                    return String.join("\n", lines);
                }
            } else if (!line.isBlank() && !line.startsWith("import ") && packageLine >= 0 && i > packageLine) {
                break;
            }
        }
        if (lastImport >= 0) {
            lines.add(lastImport + 1, statement);
        } else if (lastStatic >= 0) {
            lines.add(lastStatic + 1, "");
            lines.add(lastStatic + 2, statement);
        } else {
            lines.add(packageLine + 1, "");
            lines.add(packageLine + 2, statement);
        }
        return String.join("\n", lines);
    }
}
