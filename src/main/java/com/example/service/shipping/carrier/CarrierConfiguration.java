package com.example.service.shipping.carrier;

import java.net.http.HttpClient;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The carrier's RestClient: Boot's builder (observed: {@code http.client.requests}, spans) with the carrier's timeouts. */
@Configuration(proxyBeanMethods = false)
class CarrierConfiguration {

    @Bean
    CarrierClient carrierClient(RestClient.Builder builder, CarrierSettings settings) {
        var requests = ClientHttpRequestFactoryBuilder.jdk()
                // HTTP/1.1: no h2c upgrade attempt on plain-HTTP endpoints (TLS endpoints negotiate as usual).
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                .build(HttpClientSettings.defaults().withTimeouts(settings.connectTimeout(), settings.readTimeout()));
        return new CarrierClient(builder.clone()
                .baseUrl(settings.baseUrl().toString())
                .requestFactory(requests)
                .build());
    }
}
