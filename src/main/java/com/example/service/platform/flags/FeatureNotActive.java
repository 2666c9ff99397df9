package com.example.service.platform.flags;

import org.springframework.http.HttpStatus;

/** Raised when a request reaches a handler whose feature flag is off. */
public class FeatureNotActive extends RuntimeException {

    private final HttpStatus status;

    FeatureNotActive(String feature, HttpStatus status) {
        super("Feature " + feature + " is not active");
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
