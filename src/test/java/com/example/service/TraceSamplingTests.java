package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** Every trace in the local run; at most one in ten by default, wherever else the service runs. */
class TraceSamplingTests {

    private static final String PROBABILITY = "management.tracing.sampling.probability";

    @Test
    void recordsAtMostOneTraceInTenByDefault() {
        assertThat(Double.parseDouble(property("application.yaml"))).isLessThanOrEqualTo(0.1);
    }

    @Test
    void recordsEveryTraceInTheLocalRun() {
        assertThat(Double.parseDouble(property("application-local.yaml"))).isEqualTo(1.0);
    }

    private static String property(String file) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(file));
        String value = yaml.getObject().getProperty(PROBABILITY);
        assertThat(value).as("%s sets %s", file, PROBABILITY).isNotNull();
        return value;
    }
}
