import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns the names people type into the spellings the house style uses, and checks them. */
final class Names {

    static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var",
            "record", "yield", "sealed", "permits");

    /** Past participles that do not end in -ed, for event names. */
    static final Set<String> IRREGULAR_PAST = Set.of(
            "Paid", "Sent", "Sold", "Built", "Made", "Held", "Lost", "Won", "Taken", "Given", "Done", "Set", "Put",
            "Cut", "Shut", "Split", "Read", "Left", "Kept", "Found", "Bought", "Brought", "Caught", "Taught", "Told",
            "Spent", "Lent", "Laid", "Run", "Begun", "Chosen", "Frozen", "Written", "Drawn", "Shown", "Known",
            "Grown", "Thrown", "Withdrawn", "Undone", "Reset", "Rebuilt", "Resent", "Upheld", "Overpaid", "Prepaid",
            "Repaid", "Dealt", "Met", "Sought", "Struck", "Hidden", "Forgotten", "Broken", "Spun", "Bound");

    private Names() {}

    /** Words of {@code gift-wrap}, {@code giftWrap}, {@code GiftWrap} or {@code GIFT_WRAP}, lower case. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        Matcher matcher = Pattern.compile("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+").matcher(name);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    static String pascal(String name) {
        return words(name).stream().map(Names::capitalize).collect(Collectors.joining());
    }

    static String camel(String name) {
        String pascal = pascal(name);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    static String kebab(String name) {
        return String.join("-", words(name));
    }

    static String constant(String name) {
        return String.join("_", words(name)).toUpperCase(Locale.ROOT);
    }

    /** Words for people: {@code GiftWrapped} becomes {@code gift wrapped}. */
    static String spaced(String name) {
        return String.join(" ", words(name));
    }

    static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    static void moduleName(String name) {
        require(
                name.matches("[a-z][a-z0-9]{1,30}") && !JAVA_KEYWORDS.contains(name),
                "'" + name + "' is not a module name: one lower-case word, letters and digits (billing, returns)");
    }

    static void kebabName(String name, String what, String example) {
        require(
                name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*") && name.length() <= 40,
                "'" + name + "' is not a valid " + what + " name: lower-case words joined by hyphens (" + example
                        + ")");
    }
}
