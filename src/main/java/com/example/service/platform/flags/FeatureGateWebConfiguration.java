package com.example.service.platform.flags;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.togglz.core.manager.FeatureManager;

/** Gates handlers by their feature flags. Public so that web slice tests can import it. */
@Configuration(proxyBeanMethods = false)
public class FeatureGateWebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<FeatureManager> features;

    FeatureGateWebConfiguration(ObjectProvider<FeatureManager> features) {
        this.features = features;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FeatureGateInterceptor(features.getObject()));
    }
}
