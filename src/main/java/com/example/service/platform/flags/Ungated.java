package com.example.service.platform.flags;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a handler (or every handler of a controller) is deliberately served without a feature flag, and why.
 * Every endpoint carries either {@code @FeaturesAreActive} or this; {@code EndpointConventionTests} enforces it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Ungated {

    /** Why this endpoint needs no flag, in a sentence a reviewer can judge. */
    String reason();
}
