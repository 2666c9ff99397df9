package com.example.service.platform;

import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.togglz.core.Feature;
import org.togglz.core.annotation.Label;

/**
 * A flag of the tests' own, so that the platform's flag handling (storage, switching, gauges, the console) is tested
 * whichever modules the service has. It is appended to {@code togglz.feature-enums} before the flags are read, so the
 * service registers it exactly as it registers a module's enum.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlatformTestFeatures {

    public enum Features implements Feature {
        @Label("A flag that only the tests use")
        PLATFORM_TEST_FLAG;
    }

    @Bean
    static Registrar platformTestFeaturesRegistrar() {
        return new Registrar();
    }

    static final class Registrar implements BeanFactoryPostProcessor, EnvironmentAware {

        private ConfigurableEnvironment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = (ConfigurableEnvironment) environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            String registered =
                    environment.getProperty("togglz.feature-enums", "").strip();
            String ours = Features.class.getName();
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "platformTestFeatures",
                            Map.of("togglz.feature-enums", registered.isEmpty() ? ours : registered + ", " + ours)));
        }
    }
}
