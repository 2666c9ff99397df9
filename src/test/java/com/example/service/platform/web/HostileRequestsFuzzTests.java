package com.example.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import com.example.service.platform.TestApi;
import com.example.service.platform.web.RawHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.YamlMapFactoryBean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.togglz.core.Feature;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;
import tools.jackson.databind.json.JsonMapper;

/**
 * A seeded, bounded fuzz run of hostile requests against every endpoint the service maps and every operator endpoint,
 * written byte for byte: seeds are the provider contracts' requests ({@code contracts/provider/api}), then mutated
 * (truncated, bytes flipped, nested deep, fields oversized, values of the wrong type, control characters, wrong and
 * malformed media types, encoded traversal in paths) and sent with valid, missing, forged ({@code alg: none}, another
 * key, truncated, tampered claims) or under-scoped tokens. Nothing may answer 5xx, every 4xx is a problem, no forged or
 * under-scoped token opens a protected endpoint, every order it placed is readable, and the service stays ready.
 * {@code -Dfuzz.seed} and {@code -Dfuzz.requests} change the run; the figures go to the test's output.
 */
@IntegrationTest
class HostileRequestsFuzzTests {

    private static final Logger log = LoggerFactory.getLogger(HostileRequestsFuzzTests.class);

    static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 1200);
    static final Duration BUDGET = Duration.ofSeconds(120);
    static final Set<String> PUBLIC = Set.of(
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs");
    static final List<String> OPERATOR_ENDPOINTS = List.of(
            "GET /actuator/togglz",
            "GET /actuator/outbox",
            "POST /actuator/outbox",
            "GET /actuator/deadletters",
            "POST /actuator/deadletters",
            "GET /actuator/sbom/application",
            "GET /actuator/health/readiness",
            "GET /actuator/info",
            "GET /actuator/prometheus",
            "GET /v3/api-docs");
    static final Pattern SCOPE = Pattern.compile("SCOPE_([\\w.:-]+)");

    enum Credential {
        VALID,
        NONE,
        ALG_NONE,
        OTHER_KEY,
        TRUNCATED,
        TAMPERED,
        WRONG_SCOPE
    }

    record Seed(String method, String path, String body) {}

    @Value("${local.server.port}")
    int port;

    @Autowired
    LocalTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    FeatureManager features;

    final JsonMapper json = JsonMapper.builder().build();
    final Random random = new Random(SEED);

    @Test
    void hostileRequestsShouldGetNo5xxNoNonProblemAnswerAndNoWayIn() throws IOException, InterruptedException {
        List<Seed> seeds = seeds();
        Set<String> scopes = scopes();
        String valid = tokens.issue("fuzz-client", String.join(" ", scopes));
        String underScoped = tokens.issue("fuzz-client", "nothing:here");
        String otherKey = tokens.withAnotherKey().issue("fuzz-client", String.join(" ", scopes));
        Map<Feature, FeatureState> flags = new HashMap<>();
        features.getFeatures().forEach(feature -> flags.put(feature, features.getFeatureState(feature)));
        RawHttp http = new RawHttp(port);

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        int sent = 0;
        Instant deadline = Instant.now().plus(BUDGET);
        try {
            while (sent < REQUESTS && Instant.now().isBefore(deadline)) {
                Seed seed = seeds.get(random.nextInt(seeds.size()));
                // One request in four is the seed as its contract sends it, so that some are accepted.
                boolean asIs = random.nextInt(4) == 0;
                Credential credential =
                        asIs ? Credential.VALID : Credential.values()[random.nextInt(Credential.values().length)];
                String path = asIs ? seed.path() : mutatePath(seed.path());
                String contentType = asIs ? "application/json" : contentType();
                byte[] body = asIs ? seed.body().getBytes(StandardCharsets.UTF_8) : mutateBody(seed.body());
                String head = seed.method() + " " + path + " HTTP/1.1\nHost: localhost\nAccept: application/json"
                        + authorization(credential, valid, underScoped, otherKey)
                        + (body.length > 0
                                ? "\nContent-Type: " + contentType + "\nContent-Length: " + body.length
                                : "");
                Answer answer = http.send(head, body);
                if (answer.status() == 429) {
                    // Past the caller's rate limit: a well-behaved caller waits as told and sends it again, so that
                    // the request still reaches the endpoint. The tests' own group (TestApi.LIMITED) refills once in
                    // 20 minutes: that one is left as answered.
                    statuses.merge(answer.status(), 1, Integer::sum);
                    String retryAfter = answer.headers().getOrDefault("retry-after", "");
                    if (!retryAfter.matches("[1-9][0-9]*")
                            || !answer.contentType().startsWith("application/problem+json")) {
                        failures.add("429 without a problem or Retry-After: " + seed.method() + " " + path);
                    } else if (Long.parseLong(retryAfter) <= 2) {
                        TimeUnit.SECONDS.sleep(Long.parseLong(retryAfter));
                        answer = http.send(head, body);
                    }
                }
                sent++;
                statuses.merge(answer.status(), 1, Integer::sum);
                String request = seed.method() + " " + path + " (" + credential + ", " + contentType + ")";
                if (answer.status() >= 500) {
                    failures.add("5xx: " + request + " -> " + answer.status() + " " + answer.body());
                } else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                    failures.add("not a problem: " + request + " -> " + answer.status() + " " + answer.contentType());
                } else if (answer.status() < 300 && credential != Credential.VALID && !isPublic(path)) {
                    failures.add("let in: " + request + " -> " + answer.status());
                }
                if (answer.status() == 201 && seed.path().equals("/api/orders")) {
                    placed.add(json.readTree(answer.body()).path("id").asString());
                }
            }
        } finally {
            flags.values().forEach(features::setFeatureState);
        }

        log.info(
                "Fuzz run (seed {}): {} requests, {} x 5xx, {} failures in all, {} orders placed; statuses {}",
                SEED,
                sent,
                failures.stream().filter(failure -> failure.startsWith("5xx")).count(),
                failures.size(),
                placed.size(),
                statuses);
        assertThat(sent).as("requests sent within %s", BUDGET).isGreaterThanOrEqualTo(Math.min(REQUESTS, 1000));
        assertThat(failures).as("seed %d", SEED).isEmpty();
        for (String id : placed) {
            assertThat(http.send("GET /api/orders/" + id + " HTTP/1.1\nHost: localhost\nAuthorization: Bearer " + valid)
                            .status())
                    .as("order %s, accepted during the run", id)
                    .isEqualTo(200);
        }
        assertThat(http.send("GET /actuator/health/readiness HTTP/1.1\nHost: localhost")
                        .status())
                .isEqualTo(200);
    }

    /** The contracts' requests, and one bare request per endpoint the service maps and per operator endpoint. */
    private List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        try (Stream<Path> contracts = Files.list(Path.of("contracts/provider/api"))) {
            for (Path contract :
                    contracts.filter(file -> file.toString().endsWith(".yml")).toList()) {
                YamlMapFactoryBean yaml = new YamlMapFactoryBean();
                yaml.setResources(new FileSystemResource(contract));
                @SuppressWarnings("unchecked")
                Map<String, Object> request =
                        (Map<String, Object>) yaml.getObject().get("request");
                String url = String.valueOf(request.getOrDefault("url", request.get("urlPath")));
                Object body = request.get("body");
                seeds.add(new Seed(
                        String.valueOf(request.get("method")), url, body == null ? "" : json.writeValueAsString(body)));
            }
        } catch (java.nio.file.NoSuchFileException none) {
            // A service without an API of its own yet: the mapped endpoints below are the seeds.
        }
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/local/")) {
                    continue; // the local run's token endpoint: not part of the service
                }
                if (path.equals(TestApi.FAILURE)) {
                    continue; // fails on purpose, as the service's own failure
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    seeds.add(new Seed(
                            method.name(),
                            path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                            "{}"));
                }
            }
        });
        OPERATOR_ENDPOINTS.forEach(endpoint -> {
            String[] parts = endpoint.split(" ");
            seeds.add(new Seed(parts[0], parts[1], parts[0].equals("POST") ? "{\"olderThan\": \"PT1H\"}" : ""));
        });
        return seeds;
    }

    /** Every scope an endpoint asks for, each module's {@code :all}, and the operator scopes. */
    private Set<String> scopes() {
        Set<String> scopes = new LinkedHashSet<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            for (PreAuthorize rule : new PreAuthorize[] {
                AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class),
                AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class)
            }) {
                if (rule != null) {
                    Matcher matcher = SCOPE.matcher(rule.value());
                    while (matcher.find()) {
                        scopes.add(matcher.group(1));
                        scopes.add(matcher.group(1).replaceAll(":[^:]+$", ":all"));
                    }
                }
            }
        }
        scopes.add(tokens.operator("flags:admin"));
        scopes.add(tokens.operator("ops:admin"));
        return scopes;
    }

    private String authorization(Credential credential, String valid, String underScoped, String otherKey) {
        String[] parts = valid.split("\\.");
        String token = switch (credential) {
            case VALID -> valid;
            case NONE -> null;
            case ALG_NONE -> base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            case OTHER_KEY -> otherKey;
            case TRUNCATED -> valid.substring(0, 1 + random.nextInt(valid.length() - 1));
            case TAMPERED ->
                parts[0] + "."
                        + base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("fuzz-client", "admin"))
                        + "." + parts[2];
            case WRONG_SCOPE -> underScoped;
        };
        return token == null ? "" : "\nAuthorization: Bearer " + token;
    }

    private String mutatePath(String path) {
        return switch (random.nextInt(10)) {
            case 0 -> path + "/..%2f..%2fetc%2fpasswd";
            case 1 -> path.replaceFirst("[0-9a-f]{8}-[0-9a-f-]{27}", "%00");
            case 2 -> path.replaceFirst("[0-9a-f]{8}-[0-9a-f-]{27}", "x".repeat(300));
            case 3 -> path + (path.contains("?") ? "&" : "?") + "customerId=%01" + "&size=-1&page=99999999999";
            case 4 -> path.replace("/api/", "/api//");
            case 5 -> path + ";jsessionid=1";
            default -> path;
        };
    }

    private String contentType() {
        return switch (random.nextInt(12)) {
            case 0 -> "text/plain";
            case 1 -> "application/xml";
            case 2 -> "multipart/form-data";
            case 3 -> ";;;";
            case 4 -> "application/json; charset=nonsense";
            case 5 -> "application/x-www-form-urlencoded";
            default -> "application/json";
        };
    }

    private byte[] mutateBody(String seed) {
        byte[] body = seed.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> body.length == 0 ? body : java.util.Arrays.copyOf(body, random.nextInt(body.length));
            case 1 -> flip(body);
            case 2 ->
                ("{\"nested\":" + "[".repeat(40 + random.nextInt(200)) + "]".repeat(10))
                        .getBytes(StandardCharsets.UTF_8);
            case 3 ->
                seed.replaceFirst(":\"[^\"]*\"", ":\"" + "a".repeat(70_000 + random.nextInt(100_000)) + "\"")
                        .getBytes(StandardCharsets.UTF_8);
            case 4 -> seed.replaceFirst(":\"[^\"]*\"", ":[1,{\"x\":null}]").getBytes(StandardCharsets.UTF_8);
            case 5 ->
                seed.replaceFirst(":\"[^\"]*\"", ":\"a\\\\u0000b\\\\u0007c\"").getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                byte[] noise = new byte[random.nextInt(2048)];
                random.nextBytes(noise);
                yield noise;
            }
            case 7 -> seed.replaceFirst(":(\\d+)", ":" + "9".repeat(80)).getBytes(StandardCharsets.UTF_8);
            case 8 -> "%zz=%%&a=%C3%28&b=%0&name=%E2%82".getBytes(StandardCharsets.UTF_8);
            default -> body;
        };
    }

    private byte[] flip(byte[] body) {
        byte[] flipped = body.clone();
        for (int i = 0; i < 1 + random.nextInt(5) && flipped.length > 0; i++) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    private static boolean isPublic(String path) {
        String bare = path.split("[?;]")[0];
        return PUBLIC.contains(bare) || bare.startsWith("/swagger-ui") || bare.startsWith("/v3/api-docs");
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
