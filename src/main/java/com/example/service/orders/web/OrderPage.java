package com.example.service.orders.web;

import com.example.service.orders.Order;
import java.util.List;
import org.springframework.data.domain.Page;

/** One page of orders, newest first, with where it sits in the whole result. */
record OrderPage(List<OrderResponse> content, PageMetadata page) {

    record PageMetadata(int number, int size, long totalElements, int totalPages) {}

    static OrderPage of(Page<Order> page) {
        return new OrderPage(
                page.getContent().stream().map(OrderResponse::of).toList(),
                new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
