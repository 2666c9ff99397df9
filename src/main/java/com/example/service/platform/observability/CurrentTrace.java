package com.example.service.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The trace id of the work in progress, for answers and records that must point back to it. */
@Component
public class CurrentTrace {

    private final Tracer tracer;

    CurrentTrace(Tracer tracer) {
        this.tracer = tracer;
    }

    public @Nullable String traceId() {
        Span span = tracer.currentSpan();
        String traceId = span == null ? null : span.context().traceId();
        return traceId == null || traceId.isBlank() ? null : traceId;
    }
}
