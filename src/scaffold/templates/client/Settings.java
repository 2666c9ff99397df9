package {{package}}.{{module}}.{{client}};

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where {{provider}}'s API is and how long a call may take ({@code {{module}}.{{client}}.*}). Retries, the circuit
 * breaker and the bulkhead are the Resilience4j instances named {@code {{client}}}.
 *
 * @param baseUrl the API's root
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait for the answer, per attempt
 */
@ConfigurationProperties("{{module}}.{{client}}")
@Validated
record {{Client}}Settings(
        @NotNull URI baseUrl,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) {}
