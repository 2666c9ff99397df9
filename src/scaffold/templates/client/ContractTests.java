package {{package}}.{{module}}.{{client}};

import static org.assertj.core.api.Assertions.assertThat;

import {{package}}.local.LocalApi;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * {{Client}}Client against {{provider}}'s own contract ({@code contracts/http/consumed/{{client}}/}), served by Stub
 * Runner: if the client stops sending what they accept or stops reading what they answer, this fails here.
 */
class {{Client}}ContractTests {

    static LocalApi api;

    @BeforeAll
    static void startApi() {
        api = LocalApi.start({{Client}}Client.NAME);
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @Test
    void itemShouldBeReadAsTheContractAnswersIt() {
        var settings = new {{Client}}Settings(URI.create(api.baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(2));
        var client = new {{Client}}Configuration()
                .{{client}}Client(
                        RestClient.builder(),
                        settings,
                        RetryRegistry.ofDefaults(),
                        CircuitBreakerRegistry.ofDefaults(),
                        BulkheadRegistry.ofDefaults());

        {{Client}}Item item = client.item("ref-0001");

        assertThat(item.reference()).isEqualTo("ref-0001");
        assertThat(item.status()).isEqualTo("AVAILABLE");
    }
}
