package com.example.service.orders;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Orders, stored in PostgreSQL through Spring Data JDBC. */
interface OrderRepository extends ListCrudRepository<Order, UUID> {}
