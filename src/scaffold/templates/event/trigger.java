/** Trigger of {@code events/{{module}}/{{event}}.yml}; make it the business operation that publishes it. */
public void publish{{Event}}() {
    publish(new {{Event}}(UUID.randomUUID(), UUID.randomUUID(), Instant.now()));
}

