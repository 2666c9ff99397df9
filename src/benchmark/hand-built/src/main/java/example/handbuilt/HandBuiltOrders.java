package example.handbuilt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders API's GET and POST as a team writes them by hand: a controller, SQL over JdbcClient, bearer JWTs with
 * scopes, nothing else. It reads and writes the service's own tables.
 */
@SpringBootApplication
public class HandBuiltOrders {

    public static void main(String[] args) {
        SpringApplication.run(HandBuiltOrders.class, args);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/orders")
                        .hasAuthority("SCOPE_orders:write")
                        .requestMatchers(HttpMethod.GET, "/api/orders/*")
                        .hasAuthority("SCOPE_orders:read")
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> {}))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    record Address(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(min = 2, max = 2) String country) {}

    record Line(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(1000) Integer quantity) {}

    record PlaceOrder(
            @NotBlank @Size(max = 100) String customerId,
            @NotBlank @Size(max = 320) String email,
            @NotNull @Valid Address shippingAddress,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid Line> lines) {}

    record OrderView(
            UUID id,
            String customerId,
            String email,
            Address shippingAddress,
            String status,
            List<Line> lines,
            Instant placedAt) {}

    @RestController
    @RequestMapping("/api/orders")
    static class Orders {

        private final JdbcClient db;

        Orders(JdbcClient db) {
            this.db = db;
        }

        @GetMapping("/{id}")
        ResponseEntity<OrderView> read(@PathVariable UUID id) {
            List<Line> lines = db.sql("select sku, quantity from order_lines where order_id = ? order by position")
                    .param(id)
                    .query((row, n) -> new Line(row.getString(1), row.getInt(2)))
                    .list();
            return ResponseEntity.of(db.sql("""
                            select id, customer_id, email, shipping_name, shipping_line1, shipping_city,
                                   shipping_postal_code, shipping_country, status, placed_at
                            from orders where id = ?""")
                    .param(id)
                    .query((row, n) -> new OrderView(
                            row.getObject(1, UUID.class),
                            row.getString(2),
                            row.getString(3),
                            new Address(row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                                    row.getString(8)),
                            row.getString(9),
                            lines,
                            row.getTimestamp(10).toInstant()))
                    .optional());
        }

        @PostMapping
        @Transactional
        ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrder order) {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Address to = order.shippingAddress();
            db.sql("""
                            insert into orders (id, customer_id, email, shipping_name, shipping_line1, shipping_city,
                                                shipping_postal_code, shipping_country, status, placed_at, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'PLACED', ?, 0)""")
                    .params(id, order.customerId(), order.email(), to.name(), to.line1(), to.city(), to.postalCode(),
                            to.country(), Timestamp.from(now))
                    .update();
            for (int position = 0; position < order.lines().size(); position++) {
                Line line = order.lines().get(position);
                db.sql("insert into order_lines (order_id, position, sku, quantity) values (?, ?, ?, ?)")
                        .params(id, position, line.sku(), line.quantity())
                        .update();
            }
            return ResponseEntity.created(URI.create("/api/orders/" + id))
                    .body(new OrderView(id, order.customerId(), order.email(), to, "PLACED", order.lines(), now));
        }
    }
}
