package com.example.service.platform.errors;

import com.example.service.platform.flags.FeatureNotActive;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into RFC 9457 problem details with a stable {@code type}. The caller's mistakes are 4xx; only
 * what the service got wrong is a 500, and its detail says nothing about the internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(FeatureNotActive.class)
    ResponseEntity<ProblemDetail> featureNotActive(FeatureNotActive ex, WebRequest request) {
        // A gated endpoint answers exactly like one that does not exist.
        if (ex.status() == HttpStatus.NOT_FOUND) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(request));
        }
        return ResponseEntity.status(ex.status())
                .body(Problems.of(
                        ex.status(), ProblemTypes.REQUEST_FAILED, ex.status().getReasonPhrase(), "Not available."));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        ProblemTypes.UNAUTHORIZED,
                        "Unauthorized",
                        "A valid bearer token is required."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(
                        HttpStatus.FORBIDDEN,
                        ProblemTypes.FORBIDDEN,
                        "Forbidden",
                        "The token does not carry the scope this operation needs."));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(
                        HttpStatus.CONFLICT,
                        ProblemTypes.CONCURRENT_UPDATE,
                        "Concurrent update",
                        "Someone else changed this resource at the same time; read it again and retry."));
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
        // The security firewall refused a parameter while a handler read it (a control character, which PostgreSQL
        // could not store); the message quotes the value, so it stays out of the answer.
        return rejected(HttpStatus.BAD_REQUEST);
    }

    private static ResponseEntity<ProblemDetail> rejected(HttpStatus status) {
        return ResponseEntity.status(status)
                .body(Problems.of(
                        status,
                        ProblemTypes.forStatus(status.value()),
                        status.getReasonPhrase(),
                        ProblemErrorController.detail(status.value())));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException ex) {
        // Tomcat could not decode the query or form parameters (a bad percent-encoding, invalid UTF-8, too many): the
        // caller's mistake, found when a handler first reads a parameter. The message quotes them, so it stays out.
        HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
        return rejected(status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Request failed unexpectedly", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemTypes.INTERNAL_ERROR,
                        "Internal Server Error",
                        "The request could not be completed. Quote the trace id when you report it."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> violation(error.getField(), error.getDefaultMessage()))
                .toList();
        return validationFailed(ex, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        ? body.getFieldErrors().stream()
                                .map(error -> violation(error.getField(), error.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                                .map(error -> violation(
                                        String.valueOf(
                                                result.getMethodParameter().getParameterName()),
                                        error.getDefaultMessage())))
                .sorted(Comparator.comparing(violation -> violation.get("field")))
                .toList();
        return validationFailed(ex, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof BodyTooLarge) {
            // A body of unknown length (chunked) that passed service.web.max-request-body while it was read.
            return handleExceptionInternal(
                    ex,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            ProblemTypes.PAYLOAD_TOO_LARGE,
                            "Content Too Large",
                            ProblemErrorController.detail(HttpStatus.CONTENT_TOO_LARGE.value())),
                    headers,
                    HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The default detail quotes the rejected value, which could be personal data.
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.INVALID_PARAMETER,
                "Invalid parameter",
                "Parameter '%s' does not have a valid value.".formatted(ex.getPropertyName()));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, notFound(request), headers, HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse response) {
            body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && isBlank(problem.getType())) {
            problem.setType(typeOf(ex, status));
            if (problem.getDetail() == null) {
                problem.setDetail(ProblemErrorController.detail(status.value()));
            }
            if (ex instanceof HttpMessageNotReadableException) {
                // The parser's message may quote the payload, which can hold personal data.
                problem.setDetail("The request body is not valid JSON for this operation.");
            }
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    private ResponseEntity<Object> validationFailed(
            Exception ex, List<Map<String, String>> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION_FAILED,
                "Validation failed",
                "The request has %d invalid value(s); see errors.".formatted(errors.size()));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail notFound(WebRequest request) {
        String path = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : "";
        return Problems.of(
                HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found", "Nothing is served at " + path + ".");
    }

    private static Map<String, String> violation(String field, @Nullable String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static URI typeOf(Exception ex, HttpStatusCode status) {
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return ProblemTypes.PAYLOAD_TOO_LARGE;
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return ProblemTypes.MALFORMED_REQUEST;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ProblemTypes.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return ProblemTypes.NOT_ACCEPTABLE;
        }
        if (ex instanceof MissingRequestHeaderException || ex instanceof ServletRequestBindingException) {
            return ProblemTypes.INVALID_PARAMETER;
        }
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return ProblemTypes.NOT_FOUND;
        }
        if (status.is4xxClientError()) {
            return ProblemTypes.INVALID_PARAMETER;
        }
        return ProblemTypes.INTERNAL_ERROR;
    }

    private static boolean isBlank(@Nullable URI type) {
        return type == null || "about:blank".equals(type.toString());
    }
}
