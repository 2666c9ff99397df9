package com.example.service.platform.security;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as a handler that declares a {@code Caller} parameter receives it: the token's subject, and whether
 * the token carries the handler's module scope {@code <module>:all} (staff, or a service acting for every customer).
 * Object-level authorization is decided here, once, for every module: a resource belongs to one owner (a customer id),
 * and a caller may see and change it if it is that owner or sees all. A handler answers someone else's resource
 * exactly as one that does not exist, so that its existence is not revealed. Handlers that take a resource id say
 * that they do this with {@link OwnerScoped}, or why they need not with {@link NotOwned}.
 *
 * @param subject the token's {@code sub}: the customer for a customer's token
 * @param seesAll whether the token carries {@code <module>:all}
 */
public record Caller(String subject, boolean seesAll) {

    /** Whether this caller may see and act on a resource that belongs to {@code owner}. */
    public boolean mayAccess(@Nullable String owner) {
        return seesAll || subject.equals(owner);
    }
}
