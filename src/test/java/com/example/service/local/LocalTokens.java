package com.example.service.local;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs access tokens for the local run and the tests with a key made at startup, and checks them as the service checks
 * its identity provider's: signature, expiry, issuer and audience.
 */
public final class LocalTokens {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final String issuer;
    private final String audience;
    private final String service;

    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;
    private final String keyId = UUID.randomUUID().toString();

    /**
     * Tokens from {@code issuer} for {@code audience}, and operator scopes of {@code service} (its
     * {@code spring.application.name}).
     */
    public LocalTokens(String issuer, String audience, String service) {
        this.issuer = issuer;
        this.audience = audience;
        this.service = service;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            this.publicKey = (RSAPublicKey) pair.getPublic();
            RSAKey key = new RSAKey.Builder(publicKey)
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId)
                    .build();
            this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK provides RSA", e);
        }
    }

    /** An access token for {@code client} carrying the given space-separated scopes. */
    public String issue(String client, String scopes) {
        return issue(client, scopes, claims -> {});
    }

    /** An access token for {@code client} with the given scopes and claims changed by {@code changes}. */
    public String issue(String client, String scopes, Consumer<JwtClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(client)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("scope", scopes);
        changes.accept(claims);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /** A forger's tokens: the same claims, signed with a key of its own that the service does not know. */
    public LocalTokens withAnotherKey() {
        return new LocalTokens(issuer, audience, service);
    }

    /** The scope token of one of the service's operator scopes: {@code <service>.ops:admin} for {@code ops:admin}. */
    public String operator(String scope) {
        return service + "." + scope;
    }

    /** An access token for a test client carrying the given scopes. */
    public String issue(String scopes) {
        return issue("test-client", scopes);
    }

    /** The public key as a JSON Web Key Set (RFC 7517), for a resource server that fetches it from a URL. */
    public String publicJwkSet() {
        return new JWKSet(new RSAKey.Builder(publicKey).keyID(keyId).build()).toString();
    }

    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(audience)))));
        return decoder;
    }
}
