package com.example.service.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a caller may send ({@code service.web.*}). JSON bodies are further bounded by Jackson's read
 * constraints ({@code spring.jackson.factory.constraints.read.*} in {@code application.yaml}).
 *
 * @param maxRequestBody largest request body accepted; a larger one is answered 413 before anything reads it
 */
@ConfigurationProperties("service.web")
record WebSettings(@DefaultValue("1MB") DataSize maxRequestBody) {}
