package com.example.service.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.example.service.orders.IdempotencyKey;
import com.example.service.orders.OrderFixtures;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderStatus;
import com.example.service.orders.OrdersFeatures;
import com.example.service.orders.Placement;
import com.example.service.platform.PlatformWebTest;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

@PlatformWebTest(OrderController.class)
class OrderControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FeatureManager features;

    @MockitoBean
    OrderManagement orders;

    @Test
    void placeWhenValidShouldAnswerCreatedWithLocationAndOrder() {
        var order = OrderFixtures.placedOrder();
        given(orders.place(any(), isNull())).willReturn(new Placement(order, true));

        MvcTestResult result = place(writer(), OrderFixtures.validRequestJson());

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).headers().hasValue("Location", "http://localhost/api/orders/" + order.getId());
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PLACED");
        assertThat(result).bodyJson().extractingPath("$.lines[0].sku").isEqualTo("SKU-1");
    }

    @Test
    void placeWithIdempotencyKeyShouldScopeTheKeyToTheCaller() {
        given(orders.place(any(), any())).willReturn(new Placement(OrderFixtures.placedOrder(), false));

        mvc.post()
                .uri("/api/orders")
                .with(writer().jwt(token -> token.subject("client-a")))
                .header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(OrderFixtures.validRequestJson())
                .exchange();

        then(orders).should().place(any(), eq(new IdempotencyKey("client-a", "key-1")));
    }

    @Test
    void placeWhenBodyInvalidShouldListEveryViolationWithoutEchoingValues() throws Exception {
        MvcTestResult result = place(writer(), """
                        {"customerId": "", "email": "not-an-email",
                         "shippingAddress": {"name": "N", "line1": "L", "city": "C", "postalCode": "P", "country": "XX"},
                         "lines": [{"sku": "SKU-1", "quantity": 1001}]}
                        """);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/validation-failed");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("customerId", "email", "lines[0].quantity", "shippingAddress.country");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("not-an-email");
        then(orders).shouldHaveNoInteractions();
    }

    @Test
    void placeWhenMoreThanFiftyLinesShouldAnswerValidationFailed() {
        String lines = "{\"sku\": \"SKU-1\", \"quantity\": 1},".repeat(51);
        String json = OrderFixtures.validRequestJson()
                .replace("[{\"sku\": \"SKU-1\", \"quantity\": 2}]", "[" + lines.substring(0, lines.length() - 1) + "]");

        MvcTestResult result = place(writer(), json);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lines");
    }

    @Test
    void placeWhenJsonMalformedShouldAnswerMalformedRequest() {
        MvcTestResult result = place(writer(), "{\"customerId\": ");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/malformed-request");
    }

    @Test
    void placeWhenTheServiceFailsShouldAnswerInternalErrorWithoutItsDetails() throws Exception {
        given(orders.place(any(), any())).willThrow(new IllegalStateException("connection pool exhausted"));

        MvcTestResult result = place(writer(), OrderFixtures.validRequestJson());

        assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://example.com/problems/internal-error");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("connection pool");
    }

    @Test
    void placeWhenAnotherRequestChangedTheOrderShouldAnswerConflict() {
        given(orders.find(any())).willReturn(Optional.of(OrderFixtures.placedOrder()));
        given(orders.cancel(any())).willThrow(new org.springframework.dao.OptimisticLockingFailureException("stale"));
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, true));

        MvcTestResult result = mvc.post()
                .uri("/api/orders/{id}/cancel", UUID.randomUUID())
                .with(writer())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/concurrent-update");
    }

    @Test
    void placeWithAnUnsupportedMediaTypeShouldAnswerUnsupportedMediaType() {
        MvcTestResult result = mvc.post()
                .uri("/api/orders")
                .with(writer())
                .contentType(MediaType.TEXT_PLAIN)
                .content("an order, please")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/unsupported-media-type");
    }

    @Test
    void deleteShouldAnswerMethodNotAllowed() {
        MvcTestResult result = mvc.delete()
                .uri("/api/orders/{id}", UUID.randomUUID())
                .with(writer())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/method-not-allowed");
    }

    @Test
    void placeWithoutTokenShouldAnswerUnauthorizedProblem() {
        MvcTestResult result = mvc.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content(OrderFixtures.validRequestJson())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).headers().hasValue("WWW-Authenticate", "Bearer");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://example.com/problems/unauthorized");
    }

    @Test
    void placeWithReadScopeOnlyShouldAnswerForbiddenProblem() {
        MvcTestResult result = place(reader(), OrderFixtures.validRequestJson());

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://example.com/problems/forbidden");
        then(orders).shouldHaveNoInteractions();
    }

    @Test
    void placeWhenIdempotencyKeyReusedShouldAnswerUnprocessable() {
        given(orders.place(any(), any())).willThrow(OrderFixtures.idempotencyKeyReused());

        MvcTestResult result = mvc.post()
                .uri("/api/orders")
                .with(writer())
                .header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(OrderFixtures.validRequestJson())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/idempotency-key-reused");
    }

    @Test
    void getWhenUnknownShouldAnswerOrderNotFound() {
        UUID id = UUID.randomUUID();
        given(orders.find(id)).willReturn(Optional.empty());

        MvcTestResult result =
                mvc.get().uri("/api/orders/{id}", id).with(reader()).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/order-not-found");
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/orders/" + id);
    }

    @Test
    void getWhenIdIsNotAUuidShouldAnswerInvalidParameter() {
        MvcTestResult result =
                mvc.get().uri("/api/orders/not-a-uuid").with(reader()).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/invalid-parameter");
    }

    @Test
    void listWhenPageSizeAboveTheBoundShouldAnswerValidationFailed() {
        MvcTestResult result =
                mvc.get().uri("/api/orders?size=101").with(reader()).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        then(orders).shouldHaveNoInteractions();
    }

    @Test
    void listWhenStatusUnknownShouldAnswerInvalidParameterWithoutEchoingIt() throws Exception {
        MvcTestResult result =
                mvc.get().uri("/api/orders?status=LOST").with(reader()).exchange();

        assertThat(result.getResponse().getContentAsString()).contains("status").doesNotContain("LOST");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/invalid-parameter");
    }

    @Test
    void cancelWhenFlagOffShouldAnswerExactlyLikeAnUnknownPath() {
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, false));
        UUID id = UUID.randomUUID();

        MvcTestResult gated =
                mvc.post().uri("/api/orders/{id}/cancel", id).with(writer()).exchange();
        MvcTestResult unknown =
                mvc.post().uri("/api/orders/{id}/archive", id).with(writer()).exchange();

        assertThat(gated).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(gated).bodyJson().extractingPath("$.type").isEqualTo("https://example.com/problems/not-found");
        assertThat(gated).bodyJson().extractingPath("$.title").isEqualTo(jsonPath(unknown, "$.title"));
        then(orders).shouldHaveNoInteractions();
    }

    @Test
    void cancelWhenFlagOnShouldAnswerTheCancelledOrder() {
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, true));
        var order = OrderFixtures.cancelledOrder();
        given(orders.find(order.getId())).willReturn(Optional.of(OrderFixtures.placedOrder()));
        given(orders.cancel(order.getId())).willReturn(order);

        MvcTestResult result = mvc.post()
                .uri("/api/orders/{id}/cancel", order.getId())
                .with(writer())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(OrderStatus.CANCELLED.name());
    }

    @Test
    void cancelWhenFlagOnAndOrderNotPlacedShouldAnswerConflict() {
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, true));
        UUID id = UUID.randomUUID();
        given(orders.find(id)).willReturn(Optional.of(OrderFixtures.placedOrder()));
        given(orders.cancel(id)).willThrow(OrderFixtures.notCancellable(id));

        MvcTestResult result =
                mvc.post().uri("/api/orders/{id}/cancel", id).with(writer()).exchange();

        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://example.com/problems/order-not-cancellable");
    }

    @Test
    void cancelWithReadScopeOnlyShouldAnswerForbidden() {
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, true));

        MvcTestResult result = mvc.post()
                .uri("/api/orders/{id}/cancel", UUID.randomUUID())
                .with(reader())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        then(orders).shouldHaveNoInteractions();
    }

    @Test
    void anotherCustomersOrderShouldAnswerExactlyLikeOneThatDoesNotExist() throws Exception {
        var order = OrderFixtures.placedOrder(); // customer-1's
        given(orders.find(order.getId())).willReturn(Optional.of(order));
        UUID missing = UUID.randomUUID();

        MvcTestResult someoneElses = mvc.get()
                .uri("/api/orders/{id}", order.getId())
                .with(customer("customer-2"))
                .exchange();
        MvcTestResult nobodys = mvc.get()
                .uri("/api/orders/{id}", missing)
                .with(customer("customer-2"))
                .exchange();

        assertThat(someoneElses).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jsonPath(someoneElses, "$.type")).isEqualTo(jsonPath(nobodys, "$.type"));
        assertThat(jsonPath(someoneElses, "$.title")).isEqualTo(jsonPath(nobodys, "$.title"));
        assertThat(someoneElses.getResponse().getContentAsString()).doesNotContain("customer-1", "ada@example.com");
        assertThat(mvc.get()
                        .uri("/api/orders/{id}", order.getId())
                        .with(customer("customer-1"))
                        .exchange())
                .hasStatus(HttpStatus.OK);
    }

    @Test
    void aCustomerShouldNotCancelAnotherCustomersOrder() {
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, true));
        var order = OrderFixtures.placedOrder(); // customer-1's
        given(orders.find(order.getId())).willReturn(Optional.of(order));

        MvcTestResult result = mvc.post()
                .uri("/api/orders/{id}/cancel", order.getId())
                .with(customer("customer-2"))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        then(orders).should(never()).cancel(any());
    }

    @Test
    void aCustomerShouldListOnlyItsOwnOrders() {
        given(orders.search(any(), any(), anyInt(), anyInt())).willReturn(Page.empty());

        assertThat(mvc.get().uri("/api/orders").with(customer("customer-2")).exchange())
                .hasStatus(HttpStatus.OK);
        then(orders).should().search(eq("customer-2"), isNull(), eq(0), eq(20));

        assertThat(mvc.get()
                        .uri("/api/orders?customerId=customer-1")
                        .with(customer("customer-2"))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        then(orders).shouldHaveNoMoreInteractions();
    }

    @Test
    void aCustomerShouldPlaceOrdersOnlyForItself() {
        assertThat(place(customer("customer-2"), OrderFixtures.validRequestJson("customer-1")))
                .hasStatus(HttpStatus.FORBIDDEN);
        then(orders).shouldHaveNoInteractions();
    }

    private MvcTestResult place(JwtRequestPostProcessor caller, String json) {
        return mvc.post()
                .uri("/api/orders")
                .with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    /** A service writing for every customer (orders:all). */
    private static JwtRequestPostProcessor writer() {
        return jwt().authorities(
                        new SimpleGrantedAuthority("SCOPE_orders:write"),
                        new SimpleGrantedAuthority("SCOPE_orders:all"));
    }

    /** A service reading for every customer (orders:all). */
    private static JwtRequestPostProcessor reader() {
        return jwt().authorities(
                        new SimpleGrantedAuthority("SCOPE_orders:read"),
                        new SimpleGrantedAuthority("SCOPE_orders:all"));
    }

    /** A customer's own token: its subject is the customer, and it lacks orders:all. */
    private static JwtRequestPostProcessor customer(String customerId) {
        return jwt().jwt(token -> token.subject(customerId))
                .authorities(
                        new SimpleGrantedAuthority("SCOPE_orders:read"),
                        new SimpleGrantedAuthority("SCOPE_orders:write"));
    }

    private static Object jsonPath(MvcTestResult result, String path) {
        try {
            return com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), path);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
