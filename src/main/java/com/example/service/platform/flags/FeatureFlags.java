package com.example.service.platform.flags;

import org.togglz.core.Feature;
import org.togglz.core.manager.FeatureManager;

/** Looks features up by name, the way annotations and operators refer to them. */
final class FeatureFlags {

    private FeatureFlags() {}

    static boolean isActive(FeatureManager features, String name) {
        return features.getFeatures().stream()
                .filter(feature -> feature.name().equals(name))
                .findFirst()
                .map(features::isActive)
                .orElseThrow(() -> new IllegalStateException("No feature flag named " + name));
    }

    /** The module a feature belongs to: the package segment after the application's base package. */
    static String moduleOf(Feature feature) {
        String pkg = feature.getClass().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }
}
