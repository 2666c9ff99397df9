/**
 * Events in and out of the service. Out: domain events that implement {@link IntegrationEvent} and carry
 * {@code @Externalized} are kept in Modulith's publication registry (the outbox) and sent to Kafka as CloudEvents in
 * binary mode. In: {@link InboundEvents} reads a CloudEvent and checks it against its JSON Schema, {@link ProcessedMessages}
 * makes a consumer idempotent, and the shared error handler retries transient failures and dead-letters the rest.
 */
@NullMarked
package com.example.service.platform.messaging;

import org.jspecify.annotations.NullMarked;
