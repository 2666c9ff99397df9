package com.example.service.platform.flags;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.togglz.core.manager.FeatureManager;
import org.togglz.spring.web.FeaturesAreActive;

/**
 * Refuses a request to a handler annotated with Togglz's {@link FeaturesAreActive} while any of its features is off,
 * with the status the annotation names ({@code errorResponseStatus}, 404 by default, as if the endpoint did not exist).
 * Unlike Togglz's own interceptor it uses the injected {@link FeatureManager}, answers with problem details, and looks
 * up each handler's annotation once rather than on every request (flag state itself comes from Togglz's cache).
 */
class FeatureGateInterceptor implements HandlerInterceptor {

    private final FeatureManager features;
    private final Map<Handler, Optional<FeaturesAreActive>> gates = new ConcurrentHashMap<>();

    private record Handler(Class<?> type, Method method) {}

    FeatureGateInterceptor(FeatureManager features) {
        this.features = features;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        FeaturesAreActive gate = gates.computeIfAbsent(
                        new Handler(method.getBeanType(), method.getMethod()), FeatureGateInterceptor::gateOf)
                .orElse(null);
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

    private static Optional<FeaturesAreActive> gateOf(Handler handler) {
        FeaturesAreActive gate = AnnotatedElementUtils.findMergedAnnotation(handler.method(), FeaturesAreActive.class);
        if (gate == null) {
            gate = AnnotatedElementUtils.findMergedAnnotation(handler.type(), FeaturesAreActive.class);
        }
        return Optional.ofNullable(gate);
    }
}
