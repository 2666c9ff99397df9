package com.example.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import com.example.service.platform.TestApi;
import com.example.service.platform.web.RawHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What a hostile caller sends, written byte for byte: whatever layer refuses it (Tomcat, the security firewall, the
 * body limit, Jackson's constraints, the media types an endpoint reads), the answer is a 4xx problem with a stable
 * type, never a 500 and never the container's HTML page.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    static final String TYPES = "https://example.com/problems/";

    @Value("${local.server.port}")
    int port;

    @Autowired
    LocalTokens tokens;

    RawHttp http;
    String auth;

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
        auth = "Authorization: Bearer " + tokens.issue(TestApi.SCOPE);
    }

    @Test
    void pathsTomcatRefusesShouldBeProblems() throws IOException {
        for (String path : new String[] {
            "/api/platform-tests/..%2f..%2fetc%2fpasswd", "/api/platform-tests/%5c", "/api/platform-tests/%zz"
        }) {
            assertRejected(http.send("GET " + path + " HTTP/1.1\nHost: localhost\n" + auth), 400, "request-rejected");
        }
    }

    @Test
    void headersTomcatRefusesShouldBeProblems() throws IOException {
        String huge = "X-Padding: " + "a".repeat(20_000);
        assertRejected(http.send(get("/api/platform-tests/numbers/2") + "\n" + huge), 400, "request-rejected");
        assertRejected(
                http.send(get("/api/platform-tests/numbers/2") + "\nX-Control: a\u0001b"), 400, "request-rejected");
    }

    @Test
    void requestsTheFirewallRefusesShouldBeProblems() throws IOException {
        assertRejected(http.send(get("/api//platform-tests/numbers/2")), 400, "request-rejected");
        assertRejected(http.send(get("/api/platform-tests/numbers/2;jsessionid=x")), 400, "request-rejected");
        assertRejected(
                http.send("FOO /api/platform-tests/numbers/2 HTTP/1.1\nHost: localhost\n" + auth),
                400,
                "request-rejected");
    }

    @Test
    void controlCharactersInParametersShouldBeRefusedAtTheEdge() throws IOException {
        // PostgreSQL cannot store a NUL: refused where the parameter is read, not by the database as a 500.
        assertRejected(http.send(get("/api/platform-tests/numbers/2?times=1%00")), 400, "request-rejected");
        assertRejected(http.send(get("/api/platform-tests/numbers/2?times=%01")), 400, "request-rejected");
        assertThat(http.send(get("/api/platform-tests/numbers/2?times=3")).body())
                .isEqualTo("6");
    }

    @Test
    void methodsNoEndpointServesShouldBeProblems() throws IOException {
        assertRejected(
                http.send("TRACE /api/platform-tests/numbers/2 HTTP/1.1\nHost: localhost\n" + auth),
                405,
                "method-not-allowed");
    }

    @Test
    void aBodyOverTheLimitShouldBeRefusedBeforeItIsRead() throws IOException {
        byte[] body = json("{\"name\": \"" + "a".repeat(1_100_000) + "\"}");
        Answer answer = http.send(post("application/json") + "\nContent-Length: " + body.length, body);

        assertRejected(answer, 413, "payload-too-large");
    }

    @Test
    void aChunkedBodyShouldBeRefusedOnceItPassesTheLimit() throws IOException {
        // Whitespace is no JSON token, so only the size limit can stop this one.
        String json = " ".repeat(1_100_000) + "{\"name\": \"a\", \"country\": \"GB\"}";
        String chunked = Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n";
        Answer answer = http.send(post("application/json") + "\nTransfer-Encoding: chunked", json(chunked));

        assertRejected(answer, 413, "payload-too-large");
    }

    @Test
    void jsonBeyondTheReadConstraintsShouldBeMalformed() throws IOException {
        String deep = "{\"name\": " + "[".repeat(40) + "]".repeat(40) + "}";
        String longName = "{\"" + "n".repeat(300) + "\": 1}";
        String longString = "{\"name\": \"" + "a".repeat(70_000) + "\"}";
        for (String json : new String[] {deep, longName, longString}) {
            byte[] body = json(json);
            assertRejected(
                    http.send(post("application/json") + "\nContent-Length: " + body.length, body),
                    400,
                    "malformed-request");
        }
    }

    @Test
    void aStringTheDatabaseCannotStoreShouldBeRefusedWhereJsonIsRead() throws IOException {
        byte[] body = json("{\"name\": \"a\\u0000b\", \"country\": \"GB\"}");
        assertRejected(
                http.send(post("application/json") + "\nContent-Length: " + body.length, body),
                400,
                "malformed-request");
    }

    @Test
    void mediaTypesTheEndpointDoesNotReadShouldBeProblems() throws IOException {
        byte[] body = json("x");
        for (String type : new String[] {"multipart/form-data", ";;;", "application/json; charset=nonsense"}) {
            Answer answer = http.send(post(type) + "\nContent-Length: " + body.length, body);
            assertThat(answer.status()).as(type).isBetween(400, 499);
            assertThat(answer.contentType()).as(type).startsWith("application/problem+json");
        }
    }

    @Test
    void formBodiesWithBrokenEncodingsShouldBeProblems() throws IOException {
        for (byte[] body : new byte[][] {
            json("%zz=%%&a=%C3%28&b=%00"), json("name=a%0"), {(byte) 0xff, (byte) 0xfe, '=', '%', '2'}, json("=&=&%")
        }) {
            for (String token : new String[] {auth, "Authorization: Bearer " + tokens.issue("nothing:here")}) {
                Answer answer = http.send(
                        "POST /api/platform-tests/greetings HTTP/1.1\nHost: localhost\n" + token
                                + "\nContent-Type: application/x-www-form-urlencoded\nContent-Length: " + body.length,
                        body);
                assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
    }

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\nHost: localhost\n" + auth;
    }

    private String post(String contentType) {
        return "POST /api/platform-tests/greetings HTTP/1.1\nHost: localhost\n" + auth + "\nContent-Type: "
                + contentType;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRejected(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"" + TYPES + type + "\"").doesNotContain("<html");
    }
}
