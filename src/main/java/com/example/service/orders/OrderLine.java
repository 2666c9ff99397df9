package com.example.service.orders;

import org.springframework.data.relational.core.mapping.Table;

/** One product and how many of it. */
@Table("order_lines")
public record OrderLine(String sku, int quantity) {}
