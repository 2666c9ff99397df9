package com.example.service.orders.web;

import com.example.service.orders.IdempotencyKeyReused;
import com.example.service.orders.OrderNotCancellable;
import com.example.service.orders.OrderNotFound;
import com.example.service.platform.errors.ProblemTypes;
import com.example.service.platform.errors.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the orders API reports the module's own failures. */
@RestControllerAdvice(assignableTypes = OrderController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(OrderNotFound ex) {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                ProblemTypes.of("order-not-found"),
                "Order not found",
                "No order has id " + ex.orderId() + ".");
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail notCancellable(OrderNotCancellable ex) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                ProblemTypes.of("order-not-cancellable"),
                "Order cannot be cancelled",
                "The order is " + ex.status() + "; only a PLACED order can be cancelled.");
        problem.setProperty("orderStatus", ex.status().name());
        return problem;
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused ex) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                ProblemTypes.of("idempotency-key-reused"),
                "Idempotency key reused",
                "This Idempotency-Key was already used with a different request; use a new key for a new order.");
    }
}
