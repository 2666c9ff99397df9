package {{package}}.{{module}}.{{client}};

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Calls {{provider}}'s API ({@code contracts/http/consumed/{{client}}/}). Every call goes through the Resilience4j
 * instances named {@value #NAME}: a bulkhead, a circuit breaker and retries with backoff. See {{change}}.
 */
public class {{Client}}Client {

    static final String NAME = "{{client}}";

    private final RestClient http;

    {{Client}}Client(RestClient http) {
        this.http = http;
    }

    /** Reads an item. Fails with {@link {{Client}}Unavailable} (try later) or {@link {{Client}}Rejected} (do not). */
    @Retry(name = NAME)
    @CircuitBreaker(name = NAME)
    @Bulkhead(name = NAME)
    public {{Client}}Item item(String reference) {
        try {
            {{Client}}Item item = http.get()
                    .uri("/v1/items/{reference}", reference)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body({{Client}}Item.class);
            if (item == null || item.reference() == null) {
                throw new {{Client}}Unavailable("The {{client}} API answered without an item", null);
            }
            return item;
        } catch (RestClientResponseException answered) {
            int status = answered.getStatusCode().value();
            if (answered.getStatusCode().is4xxClientError() && status != HttpStatus.TOO_MANY_REQUESTS.value()) {
                throw new {{Client}}Rejected(status, "The {{client}} API refused item " + reference + " with " + status);
            }
            throw new {{Client}}Unavailable("The {{client}} API answered " + status, answered);
        } catch (ResourceAccessException unreachable) {
            throw new {{Client}}Unavailable("The {{client}} API could not be reached: " + unreachable.getMessage(), unreachable);
        }
    }
}
