package com.example.service.platform.flags;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.togglz.core.manager.FeatureManager;
import org.togglz.spring.web.FeaturesAreActive;

/**
 * Refuses a request to a handler annotated with Togglz's {@link FeaturesAreActive} while any of its features is off,
 * with the status the annotation names ({@code errorResponseStatus}, 404 by default, as if the endpoint did not exist). Unlike Togglz's own
 * interceptor it uses the injected {@link FeatureManager} and answers with problem details.
 */
class FeatureGateInterceptor implements HandlerInterceptor {

    private final FeatureManager features;

    FeatureGateInterceptor(FeatureManager features) {
        this.features = features;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        FeaturesAreActive gate =
                AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), FeaturesAreActive.class);
        if (gate == null) {
            gate = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), FeaturesAreActive.class);
        }
        if (gate == null) {
            return true;
        }
        for (String name : gate.features()) {
            if (!FeatureFlags.isActive(features, name)) {
                throw new FeatureNotActive(name, gate.errorResponseStatus());
            }
        }
        return true;
    }
}
