package {{package}}.{{module}}.{{client}};

import java.net.http.HttpClient;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The RestClient for {{provider}}'s API: Boot's builder (observed: {@code http.client.requests}, spans), its timeouts. */
@Configuration(proxyBeanMethods = false)
class {{Client}}Configuration {

    @Bean
    {{Client}}Client {{client}}Client(RestClient.Builder builder, {{Client}}Settings settings) {
        var requests = ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                .build(HttpClientSettings.defaults().withTimeouts(settings.connectTimeout(), settings.readTimeout()));
        return new {{Client}}Client(builder.clone()
                .baseUrl(settings.baseUrl().toString())
                .requestFactory(requests)
                .build());
    }
}
