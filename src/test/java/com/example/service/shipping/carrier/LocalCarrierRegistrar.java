package com.example.service.shipping.carrier;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/** Starts the {@link LocalCarrier} before beans are created and points {@code shipping.carrier.base-url} at it. */
final class LocalCarrierRegistrar implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalCarrierRegistrar.class);

    private ConfigurableEnvironment environment;
    private LocalCarrier carrier;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        carrier = LocalCarrier.start();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("localCarrier", Map.of("shipping.carrier.base-url", carrier.baseUrl())));
        log.info("Local carrier API: {} (stubs from {})", baseUrl(), LocalCarrier.CONTRACTS);
    }

    String baseUrl() {
        return environment.getProperty("shipping.carrier.base-url");
    }

    @Override
    public void destroy() {
        if (carrier != null) {
            carrier.close();
        }
    }
}
