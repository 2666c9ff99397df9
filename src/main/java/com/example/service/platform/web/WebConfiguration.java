package com.example.service.platform.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Bounds on what callers send: the body size, applied before the security filter chain and anything that reads a
 * body; strings the database could not store, refused where JSON is read. Jackson's read constraints (nesting depth,
 * string, name and number lengths) are Spring Boot settings in {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    JacksonModule storedStrings() {
        return new SimpleModule("stored-strings").addDeserializer(String.class, new StoredStrings());
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            WebSettings settings, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(settings.maxRequestBody().toBytes(), problems));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
