package com.example.service.platform.ownership;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The team that owns a module, on its {@code package-info.java}. {@code .github/CODEOWNERS} must name the same team for
 * the module's code, tests and migrations ({@code OwnershipTests}); changes there need that team's review.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnedBy {

    /** The team's handle in CODEOWNERS, e.g. {@code @example/orders-team}. */
    String value();
}
