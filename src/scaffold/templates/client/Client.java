package {{package}}.{{module}}.{{client}};

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;
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
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    {{Client}}Client(RestClient http, Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.http = http;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
    }

    /** Reads an item. Fails with {@link {{Client}}Unavailable} (try later) or {@link {{Client}}Rejected} (do not). */
    public {{Client}}Item item(String reference) {
        return resilient(() -> fetchItem(reference));
    }

    /** Retries around the circuit breaker around the bulkhead around the call. */
    private <T> T resilient(Supplier<T> call) {
        return Retry.decorateSupplier(
                        retry,
                        CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, call)))
                .get();
    }

    private {{Client}}Item fetchItem(String reference) {
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
