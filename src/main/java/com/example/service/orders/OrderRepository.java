package com.example.service.orders;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Orders, stored in PostgreSQL through Spring Data JDBC. */
interface OrderRepository extends ListCrudRepository<Order, UUID> {

    /**
     * Reads an order and its lines in the caller's transaction if there is one, else in two statements of their own,
     * as a hand-written read does, without the begin and commit of Spring Data's default read-only transaction. The two
     * always agree: every change to an order rewrites its lines in the one transaction that changes the order.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<Order> findById(UUID id);
}
