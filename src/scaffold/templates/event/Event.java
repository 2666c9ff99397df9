package {{package}}.{{module}};

import {{package}}.platform.messaging.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * {{eventWords}}. Published to {@value #TOPIC}; schema {@code contracts/events/published/{{topic}}.schema.json}.
 * No personal data. See {{change}}.
 */
@Externalized({{Event}}.TOPIC)
public record {{Event}}(UUID eventId, UUID {{subject}}, Instant {{happenedAt}}) implements IntegrationEvent {

    public static final String TOPIC = "{{topic}}";

    @Override
    public Instant occurredAt() {
        return {{happenedAt}};
    }

    @Override
    public String subject() {
        return {{subject}}.toString();
    }
}
