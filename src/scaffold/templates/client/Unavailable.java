package {{package}}.{{module}}.{{client}};

import org.jspecify.annotations.Nullable;

/** {{provider}}'s API could not answer now (down, slow, 5xx, 429): try again later. */
public class {{Client}}Unavailable extends RuntimeException {

    public {{Client}}Unavailable(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
