package com.example.service.platform.errors;

import com.example.service.platform.flags.Ungated;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): whatever reached it without a handler's answer (a request the
 * security firewall refused, a method the servlet does not serve, an error a filter sent) is answered as problem
 * details with a stable type, whatever the caller accepts, in place of Spring Boot's JSON or HTML error page.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    @PreAuthorize("permitAll()")
    @Ungated(reason = "The container's error page: it answers for requests that failed before any endpoint")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, not as the container's error dispatch: there is nothing here.
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            log.error("Request failed unexpectedly before any handler answered", failure);
        }
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail(status));
        problem.setType(ProblemTypes.forStatus(status));
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setInstance(originalPath(request));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The path the caller asked for (not the error page's), if it is a valid URI reference at all. */
    private static @Nullable URI originalPath(HttpServletRequest request) {
        try {
            return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path
                    ? new URI(path)
                    : null;
        } catch (URISyntaxException notAUri) {
            return null;
        }
    }

    /** A detail that names no part of the request, which the container or the firewall found unacceptable. */
    static String detail(int status) {
        return switch (status) {
            case 400 ->
                "The request was refused before it reached an endpoint: its path, query, headers or encoding"
                        + " are not acceptable.";
            case 404 -> "Nothing is served at this path.";
            case 405 -> "This method is not served at this path.";
            case 413 -> "The request is larger than this service accepts.";
            default ->
                status >= 500
                        ? "The request could not be completed. Quote the trace id when you report it."
                        : "The request could not be served.";
        };
    }
}
