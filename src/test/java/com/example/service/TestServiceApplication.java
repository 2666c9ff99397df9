package com.example.service;

import com.example.service.local.LocalInfrastructure;
import org.springframework.boot.SpringApplication;

/** Runs the service on local infrastructure: {@code ./mvnw spring-boot:test-run}. */
public class TestServiceApplication {

    public static void main(String[] args) {
        SpringApplication.from(ServiceApplication::main)
                .with(LocalInfrastructure.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
