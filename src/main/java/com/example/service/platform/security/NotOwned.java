package com.example.service.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler takes an id, but what it serves belongs to no single caller (a catalogue item, a public reference): its
 * scope alone decides. The reason is for the reviewer; {@code EndpointConventionTests} requires one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotOwned {

    /** Why any caller with the scope may see every resource this handler serves. */
    String reason();
}
