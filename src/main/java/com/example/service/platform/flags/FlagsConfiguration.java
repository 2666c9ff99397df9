package com.example.service.platform.flags;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.StateRepository;
import org.togglz.core.repository.jdbc.JDBCStateRepository;

/**
 * Feature flags: state in PostgreSQL (table {@code togglz}, created by the platform's migration) so that every
 * instance sees the same state, and one gauge per flag.
 */
@Configuration(proxyBeanMethods = false)
class FlagsConfiguration {

    @Bean
    StateRepository featureStateRepository(DataSource dataSource) {
        return JDBCStateRepository.newBuilder(dataSource)
                .tableName("togglz")
                .createTable(false)
                .build();
    }

    @Bean
    MeterBinder featureFlagGauges(FeatureManager features) {
        return registry -> features.getFeatures()
                .forEach(feature -> Gauge.builder(
                                "feature.flag.enabled",
                                features,
                                manager -> manager.getFeatureState(feature).isEnabled() ? 1 : 0)
                        .description("Whether the feature flag is switched on (1) or off (0)")
                        .tag("flag", feature.name())
                        .tag("module", FeatureFlags.moduleOf(feature))
                        .register(registry));
    }
}
