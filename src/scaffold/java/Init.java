import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

final class Init {
    static int run(Path root, List<String> args, PrintStream out) {
        throw new IllegalArgumentException("init is not built yet");
    }
}
