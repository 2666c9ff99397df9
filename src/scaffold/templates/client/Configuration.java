package {{package}}.{{module}}.{{client}};

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The RestClient for {{provider}}'s API: Boot's builder (observed: {@code http.client.requests}, spans), its timeouts,
 * and the Resilience4j instances named {@value {{Client}}Client#NAME} (settings under {@code resilience4j.*.instances}).
 */
@Configuration(proxyBeanMethods = false)
class {{Client}}Configuration {

    @Bean
    {{Client}}Client {{client}}Client(
            RestClient.Builder builder,
            {{Client}}Settings settings,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads) {
        var requests = ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                .build(HttpClientSettings.defaults().withTimeouts(settings.connectTimeout(), settings.readTimeout()));
        return new {{Client}}Client(
                builder.clone()
                        .baseUrl(settings.baseUrl().toString())
                        .requestFactory(requests)
                        .build(),
                retries.retry({{Client}}Client.NAME),
                circuitBreakers.circuitBreaker({{Client}}Client.NAME),
                bulkheads.bulkhead({{Client}}Client.NAME));
    }
}
