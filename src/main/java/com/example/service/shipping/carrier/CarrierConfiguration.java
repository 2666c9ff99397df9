package com.example.service.shipping.carrier;

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
 * The carrier's RestClient: Boot's builder (observed: {@code http.client.requests}, spans) with the carrier's timeouts,
 * and the Resilience4j instances named {@value CarrierClient#CARRIER} (settings under {@code resilience4j.*.instances}).
 */
@Configuration(proxyBeanMethods = false)
class CarrierConfiguration {

    @Bean
    CarrierClient carrierClient(
            RestClient.Builder builder,
            CarrierSettings settings,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads) {
        var requests = ClientHttpRequestFactoryBuilder.jdk()
                // HTTP/1.1: no h2c upgrade attempt on plain-HTTP endpoints (TLS endpoints negotiate as usual).
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                .build(HttpClientSettings.defaults().withTimeouts(settings.connectTimeout(), settings.readTimeout()));
        return new CarrierClient(
                builder.clone()
                        .baseUrl(settings.baseUrl().toString())
                        .requestFactory(requests)
                        .build(),
                retries.retry(CarrierClient.CARRIER),
                circuitBreakers.circuitBreaker(CarrierClient.CARRIER),
                bulkheads.bulkhead(CarrierClient.CARRIER));
    }
}
