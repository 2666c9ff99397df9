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
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs access tokens for the local run and the tests with a key made at startup, and checks them. */
public final class LocalTokens {

    static final String ISSUER = "http://localhost/local";
    static final Duration LIFETIME = Duration.ofHours(1);

    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;
    private final String keyId = UUID.randomUUID().toString();

    public LocalTokens() {
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
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(client)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("scope", scopes)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
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
        return NimbusJwtDecoder.withPublicKey(publicKey).build();
    }
}
