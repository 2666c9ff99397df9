package com.example.service.orders.web;

import com.example.service.orders.IdempotencyKey;
import com.example.service.orders.Order;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderNotFound;
import com.example.service.orders.OrderStatus;
import com.example.service.orders.OrdersFeatures;
import com.example.service.orders.Placement;
import com.example.service.platform.flags.Ungated;
import com.example.service.platform.security.Caller;
import com.example.service.platform.security.OwnerScoped;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
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
            description = "Needs scope orders:write, and orders:all to place an order for another customer than the"
                    + " token's subject. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "The order was placed (or this is a repeat of the request that placed it)")
    @ApiResponse(responseCode = "403", description = "The order is for another customer and the token lacks orders:all")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was already used with a different request")
    @OwnerScoped
    ResponseEntity<OrderResponse> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) @Nullable
                    String idempotencyKey,
            Caller caller) {
        if (!caller.mayAccess(request.customerId())) {
            throw new AccessDeniedException("Only orders:all may place an order for another customer");
        }
        IdempotencyKey key = idempotencyKey == null ? null : new IdempotencyKey(caller.subject(), idempotencyKey);
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
    @Operation(
            operationId = "getOrder",
            summary = "Read an order",
            description = "Needs scope orders:read. Without orders:all, only an order of the token's subject.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No order has this id that the caller may see")
    @OwnerScoped
    OrderResponse get(@PathVariable UUID id, Caller caller) {
        return OrderResponse.of(visible(id, caller));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_orders:read')")
    @Ungated(reason = FOUNDING_API)
    @Operation(
            operationId = "listOrders",
            summary = "List orders, newest first",
            description = "Needs scope orders:read. Without orders:all, only the token's subject's orders: customerId"
                    + " may be left out or must be the subject.")
    @ApiResponse(responseCode = "200", description = "A page of orders")
    @ApiResponse(responseCode = "403", description = "customerId is another customer and the token lacks orders:all")
    @OwnerScoped
    OrderPage list(
            @RequestParam(required = false) @Size(max = 100) @Nullable String customerId,
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            Caller caller) {
        if (!caller.seesAll()) {
            if (customerId != null && !caller.mayAccess(customerId)) {
                throw new AccessDeniedException("Only orders:all may list another customer's orders");
            }
            customerId = caller.subject();
        }
        return OrderPage.of(orders.search(customerId, status, page, size));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('SCOPE_orders:write')")
    @FeaturesAreActive(features = OrdersFeatures.Names.ORDERS_CANCELLATION)
    @Operation(
            operationId = "cancelOrder",
            summary = "Cancel a placed order",
            description = "Needs scope orders:write. Without orders:all, only an order of the token's subject. Behind"
                    + " flag ORDERS_CANCELLATION: 404 while it is off.")
    @ApiResponse(responseCode = "200", description = "The cancelled order")
    @ApiResponse(responseCode = "404", description = "No order has this id that the caller may see, or the flag is off")
    @ApiResponse(responseCode = "409", description = "The order is no longer in a state that can be cancelled")
    @OwnerScoped
    OrderResponse cancel(@PathVariable UUID id, Caller caller) {
        visible(id, caller);
        return OrderResponse.of(orders.cancel(id));
    }

    /** The order, if the caller may see it; another customer's answers exactly like one that does not exist. */
    private Order visible(UUID id, Caller caller) {
        return orders.find(id)
                .filter(order -> caller.mayAccess(order.getCustomerId()))
                .orElseThrow(() -> new OrderNotFound(id));
    }
}
