package com.example.service.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;
import tools.jackson.databind.json.JsonMapper;

/** The orders API end to end: real HTTP, real security, real PostgreSQL. */
@IntegrationTest
class OrdersApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeatureManager features;

    @Test
    void placedOrderShouldBeStoredAndReadBack() {
        String customer = newCustomer();

        var placed = place(customer, null).expectStatus().isCreated();
        String location =
                placed.returnResult().getResponseHeaders().getLocation().toString();
        String id = location.substring(location.lastIndexOf('/') + 1);

        http.get()
                .uri(location)
                .header(HttpHeaders.AUTHORIZATION, bearer("orders:read"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id)
                .jsonPath("$.status")
                .isEqualTo("PLACED")
                .jsonPath("$.customerId")
                .isEqualTo(customer)
                .jsonPath("$.shippingAddress.country")
                .isEqualTo("GB")
                .jsonPath("$.lines[0].sku")
                .isEqualTo("SKU-1")
                .jsonPath("$.lines[0].quantity")
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from order_lines where order_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void repeatWithTheSameIdempotencyKeyShouldReturnTheFirstOrderAndCreateNothing() {
        String customer = newCustomer();

        String first = idOf(place(customer, "key-" + customer).expectStatus().isCreated());
        String second = idOf(place(customer, "key-" + customer).expectStatus().isCreated());

        assertThat(second).isEqualTo(first);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithADifferentBodyShouldBeRefused() {
        String customer = newCustomer();
        place(customer, "key-" + customer).expectStatus().isCreated();

        http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, bearer("orders:write"))
                .header("Idempotency-Key", "key-" + customer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(OrderFixtures.validRequestJson(customer).replace("\"quantity\": 2", "\"quantity\": 3"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://example.com/problems/idempotency-key-reused");
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void idempotencyKeysShouldBelongToTheCallerThatSentThem() {
        String customer = newCustomer();

        String a = idOf(place(customer, "shared-" + customer, tokens.issue("client-a", "orders:write orders:all")));
        String b = idOf(place(customer, "shared-" + customer, tokens.issue("client-b", "orders:write orders:all")));

        assertThat(a).isNotEqualTo(b);
        assertThat(ordersOf(customer)).isEqualTo(2);
    }

    @Test
    void concurrentRepeatsWithOneKeyShouldCreateOneOrder() throws Exception {
        String customer = newCustomer();
        String token = bearer("orders:write");
        Callable<String> attempt =
                () -> idOf(place(customer, "racing-" + customer, token.substring("Bearer ".length())));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> ids;
        try {
            List<Future<String>> futures =
                    pool.invokeAll(IntStream.range(0, 6).mapToObj(i -> attempt).toList());
            ids = futures.stream().map(OrdersApiIntegrationTests::get).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void listShouldFilterByCustomerAndStatusNewestFirstInBoundedPages() {
        String customer = newCustomer();
        String oldest = idOf(place(customer, null).expectStatus().isCreated());
        String middle = idOf(place(customer, null).expectStatus().isCreated());
        String newest = idOf(place(customer, null).expectStatus().isCreated());
        place(newCustomer(), null).expectStatus().isCreated();

        http.get()
                .uri("/api/orders?customerId={c}&size=2", customer)
                .header(HttpHeaders.AUTHORIZATION, bearer("orders:read"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content[*].id")
                .isEqualTo(List.of(newest, middle))
                .jsonPath("$.page.totalElements")
                .isEqualTo(3)
                .jsonPath("$.page.totalPages")
                .isEqualTo(2);
        http.get()
                .uri("/api/orders?customerId={c}&size=2&page=1", customer)
                .header(HttpHeaders.AUTHORIZATION, bearer("orders:read"))
                .exchange()
                .expectBody()
                .jsonPath("$.content[*].id")
                .isEqualTo(List.of(oldest));
        http.get()
                .uri("/api/orders?customerId={c}&status=CANCELLED", customer)
                .header(HttpHeaders.AUTHORIZATION, bearer("orders:read"))
                .exchange()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(0);
    }

    @Test
    void cancellationShouldBeHiddenWhileItsFlagIsOffAndWorkOnceOn() {
        String id = idOf(place(newCustomer(), null).expectStatus().isCreated());
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, false));

        cancel(id)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://example.com/problems/not-found");

        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, true));
        try {
            cancel(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
            cancel(id)
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.orderStatus")
                    .isEqualTo("CANCELLED");
            cancel(UUID.randomUUID().toString())
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://example.com/problems/order-not-found");
        } finally {
            features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, false));
        }
    }

    @Test
    void aCustomersTokenShouldSeeOnlyThatCustomersOrders() {
        String ada = newCustomer();
        String bob = newCustomer();
        String adasToken = tokens.issue(ada, "orders:read orders:write");
        String bobsToken = tokens.issue(bob, "orders:read orders:write");
        String adasOrder = idOf(place(ada, null, adasToken).expectStatus().isCreated());

        // Bob cannot tell Ada's order from one that does not exist.
        String asBob = read(adasOrder, bobsToken)
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String missing = read(UUID.randomUUID().toString(), bobsToken)
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(asBob).doesNotContain(ada, "ada@example.com");
        assertThat(JSON.readTree(asBob).path("type"))
                .isEqualTo(JSON.readTree(missing).path("type"));
        read(adasOrder, adasToken).expectStatus().isOk();

        // Listing: one's own orders; another customer's only with orders:all.
        list("", bobsToken)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(0);
        list("?customerId=" + ada, bobsToken).expectStatus().isForbidden();
        list("", adasToken)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content[0].id")
                .isEqualTo(adasOrder);
        list("?customerId=" + ada, tokens.issue("back-office", "orders:read orders:all"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content[0].id")
                .isEqualTo(adasOrder);

        // Placing for someone else needs orders:all too.
        place(ada, null, bobsToken).expectStatus().isForbidden();
        assertThat(ordersOf(ada)).isEqualTo(1);
    }

    private RestTestClient.ResponseSpec read(String id, String token) {
        return http.get()
                .uri("/api/orders/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private RestTestClient.ResponseSpec list(String query, String token) {
        return http.get()
                .uri("/api/orders" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private RestTestClient.ResponseSpec place(String customer, String idempotencyKey) {
        return place(customer, idempotencyKey, tokens.issue("orders:write orders:all"));
    }

    private RestTestClient.ResponseSpec place(String customer, String idempotencyKey, String token) {
        var request = http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(OrderFixtures.validRequestJson(customer));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private RestTestClient.ResponseSpec cancel(String id) {
        return http.post()
                .uri("/api/orders/{id}/cancel", id)
                .header(HttpHeaders.AUTHORIZATION, bearer("orders:write"))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private static String idOf(RestTestClient.ResponseSpec response) {
        Map<String, Object> body = response.expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("id");
    }

    private long ordersOf(String customer) {
        return jdbc.sql("select count(*) from orders where customer_id = ?")
                .param(customer)
                .query(Long.class)
                .single();
    }

    /** A token of a service acting for every customer (orders:all), with these scopes too. */
    private String bearer(String scopes) {
        return "Bearer " + tokens.issue(scopes + " orders:all");
    }

    private static String newCustomer() {
        return "customer-" + UUID.randomUUID();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
