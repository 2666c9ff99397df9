package com.example.service.shipping.carrier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The carrier, from its team's contracts, behind {@code shipping.carrier.base-url} unless a test names another (the
 * property source comes last, so every other setting wins), in the local run and every test context that runs the
 * shipping module (found by component scanning, so it goes wherever the module goes). Static: it must be in place
 * before the client's settings are bound.
 */
@Configuration(proxyBeanMethods = false)
class LocalCarrierConfiguration {

    @Bean
    @ConditionalOnProperty(name = "local.carrier.enabled", matchIfMissing = true)
    static LocalCarrierRegistrar localCarrier() {
        return new LocalCarrierRegistrar();
    }
}
