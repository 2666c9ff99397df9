package com.example.service.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler serves resources that each belong to one owner: it takes a {@link Caller} and answers a resource the
 * caller may not access ({@link Caller#mayAccess}) as not found. {@code EndpointConventionTests} requires this, or
 * {@link NotOwned}, on every handler that takes a resource id, and a {@code Caller} parameter with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OwnerScoped {}
