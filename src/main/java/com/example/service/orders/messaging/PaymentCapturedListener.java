package com.example.service.orders.messaging;

import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderNotFound;
import com.example.service.orders.OrderNotPayable;
import com.example.service.orders.Payment;
import com.example.service.platform.messaging.InboundEvent;
import com.example.service.platform.messaging.InboundEvents;
import com.example.service.platform.messaging.ProcessedMessages;
import com.example.service.platform.messaging.UnprocessableMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Marks orders PAID when the payments team captures a payment. Applied once per event id (the inbox commits with the
 * order); transient failures are retried and anything that can never succeed is dead-lettered by the platform's error
 * handler.
 */
@Component
class PaymentCapturedListener {

    /** The inbox's name for this consumer. */
    static final String CONSUMER = "orders.payment-captured";

    private final InboundEvents inbound;
    private final ProcessedMessages processed;
    private final OrderManagement orders;
    private final TransactionOperations transactions;

    PaymentCapturedListener(
            InboundEvents inbound,
            ProcessedMessages processed,
            OrderManagement orders,
            TransactionOperations transactions) {
        this.inbound = inbound;
        this.processed = processed;
        this.orders = orders;
        this.transactions = transactions;
    }

    @KafkaListener(id = CONSUMER, topics = PaymentCaptured.TOPIC, groupId = "${spring.application.name}-orders")
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent<PaymentCaptured> event = inbound.read(record, PaymentCaptured.class);
        PaymentCaptured captured = event.data();
        transactions.executeWithoutResult(status -> {
            if (!processed.firstDelivery(CONSUMER, event.id())) {
                return;
            }
            try {
                orders.pay(
                        captured.orderId(),
                        new Payment(
                                captured.paymentId(), captured.amount(), captured.currency(), captured.capturedAt()));
            } catch (OrderNotFound | OrderNotPayable impossible) {
                throw new UnprocessableMessage(impossible.getMessage(), impossible);
            }
        });
    }
}
