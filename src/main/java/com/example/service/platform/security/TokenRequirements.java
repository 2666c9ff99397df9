package com.example.service.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A token opens this service only if its identity provider issued it and minted it for this service: Spring Boot's
 * resource server checks the issuer ({@code iss}) and the audience ({@code aud}) once both are set, and the service
 * refuses to start until they are, naming the settings. Without them any token the provider signs (for any sibling
 * service) would be accepted. The local run and the tests set them to the local token issuer's
 * ({@code src/test/resources/config/application.yaml}).
 */
@Component
class TokenRequirements {

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    TokenRequirements(OAuth2ResourceServerProperties resourceServer) {
        var jwt = resourceServer.getJwt();
        List<String> missing = new ArrayList<>();
        if (!StringUtils.hasText(jwt.getIssuerUri())) {
            missing.add(ISSUER + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI): the identity provider's"
                    + " issuer URI, as its tokens carry it in iss");
        }
        if (jwt.getAudiences().stream().noneMatch(StringUtils::hasText)) {
            missing.add(AUDIENCES + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES): this service's name at"
                    + " the identity provider, as tokens minted for it carry it in aud");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "The service checks every token's issuer and audience, and these settings" + " are missing: "
                            + String.join("; ", missing) + ". See README.md, \"Configuration for production\".");
        }
    }
}
