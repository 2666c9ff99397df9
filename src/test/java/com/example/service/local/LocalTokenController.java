package com.example.service.local;

import com.example.service.platform.flags.Ungated;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for the identity provider in the local run: the OAuth2 client-credentials grant (RFC 6749 §4.4)
 * answered with a token the service accepts. Lives in the test sources, so it never ships.
 */
@RestController
class LocalTokenController {

    private final LocalTokens tokens;

    LocalTokenController(LocalTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/local/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @PreAuthorize("permitAll()")
    @Ungated(reason = "Local run only: stands in for the identity provider")
    ResponseEntity<Map<String, Object>> token(
            @RequestParam("grant_type") String grantType,
            @RequestParam(name = "scope", defaultValue = "") String scope,
            @RequestParam(name = "client_id", required = false) @Nullable String clientId) {
        if (!"client_credentials".equals(grantType)) {
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "error", "unsupported_grant_type",
                            "error_description", "Only client_credentials is supported locally"));
        }
        String client = clientId == null ? "local-client" : clientId;
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(Map.of(
                        "access_token",
                        tokens.issue(client, scope),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        LocalTokens.LIFETIME.toSeconds(),
                        "scope",
                        scope));
    }
}
