package {{package}}.{{module}}.{{client}};

/** {{provider}}'s API refused the request (4xx): trying again will not help. */
public class {{Client}}Rejected extends RuntimeException {

    private final int status;

    public {{Client}}Rejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
