package com.example.service.platform.errors;

import com.example.service.platform.observability.CurrentTrace;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Adds the request's trace id to every problem, whichever module or handler produced it. */
@RestControllerAdvice
class TraceIdProblemAdvice implements ResponseBodyAdvice<Object> {

    private final CurrentTrace trace;

    TraceIdProblemAdvice(CurrentTrace trace) {
        this.trace = trace;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String traceId = trace.traceId();
            if (traceId != null) {
                problem.setProperty("traceId", traceId);
            }
        }
        return body;
    }
}
