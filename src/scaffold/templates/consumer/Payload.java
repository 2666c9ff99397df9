package {{package}}.{{module}}.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The {{producer}} team's event {@value #TOPIC}, as their schema defines it
 * ({@code contracts/events/consumed/{{topic}}.schema.json}). See {{change}}.
 */
record {{Payload}}(UUID {{subject}}, Instant {{happenedAt}}) {

    static final String TOPIC = "{{topic}}";
}
