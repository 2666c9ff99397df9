package com.example.service.orders.web;

import com.example.service.orders.IdempotencyKey;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderNotFound;
import com.example.service.orders.OrderStatus;
import com.example.service.orders.OrdersFeatures;
import com.example.service.orders.Placement;
import com.example.service.platform.flags.Ungated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.togglz.spring.web.FeaturesAreActive;

/** The orders API, version 1. */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders")
class OrderController {

    static final int MAX_PAGE_SIZE = 100;
    private static final String FOUNDING_API =
            "Orders API v1, the module's founding surface, live since the first release";

    private final OrderManagement orders;

    OrderController(OrderManagement orders) {
        this.orders = orders;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_orders:write')")
    @Ungated(reason = FOUNDING_API)
    @Operation(
            operationId = "placeOrder",
            summary = "Place an order",
            description = "Needs scope orders:write. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "The order was placed (or this is a repeat of the request that placed it)")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was already used with a different request")
    ResponseEntity<OrderResponse> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) @Nullable
                    String idempotencyKey,
            Authentication caller) {
        IdempotencyKey key = idempotencyKey == null ? null : new IdempotencyKey(caller.getName(), idempotencyKey);
        Placement placement = orders.place(request.toNewOrder(), key);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(placement.order().getId())
                .toUri();
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(OrderResponse.of(placement.order()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_orders:read')")
    @Ungated(reason = FOUNDING_API)
    @Operation(operationId = "getOrder", summary = "Read an order", description = "Needs scope orders:read.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No order has this id")
    OrderResponse get(@PathVariable UUID id) {
        return orders.find(id).map(OrderResponse::of).orElseThrow(() -> new OrderNotFound(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_orders:read')")
    @Ungated(reason = FOUNDING_API)
    @Operation(
            operationId = "listOrders",
            summary = "List orders, newest first",
            description = "Needs scope orders:read.")
    @ApiResponse(responseCode = "200", description = "A page of orders")
    OrderPage list(
            @RequestParam(required = false) @Size(max = 100) @Nullable String customerId,
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return OrderPage.of(orders.search(customerId, status, page, size));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('SCOPE_orders:write')")
    @FeaturesAreActive(features = OrdersFeatures.Names.ORDERS_CANCELLATION)
    @Operation(
            operationId = "cancelOrder",
            summary = "Cancel a placed order",
            description = "Needs scope orders:write. Behind flag ORDERS_CANCELLATION: 404 while it is off.")
    @ApiResponse(responseCode = "200", description = "The cancelled order")
    @ApiResponse(responseCode = "404", description = "No order has this id, or the flag is off")
    @ApiResponse(responseCode = "409", description = "The order is no longer in a state that can be cancelled")
    OrderResponse cancel(@PathVariable UUID id) {
        return OrderResponse.of(orders.cancel(id));
    }
}
