package com.example.service;

import com.example.service.local.LocalKafka;
import com.example.service.local.LocalPostgres;
import com.example.service.local.LocalTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service's production jar beside a hand-built equivalent ({@code src/benchmark/hand-built}: the same GET and POST
 * over JdbcClient, a JWT resource server, Actuator), in one run and under the same load, so that what the platform
 * costs shows as a ratio. PostgreSQL and Kafka run outside both services' JVMs (in this one, or in containers), and so
 * does the key set both validate their tokens against. Each service runs as {@code java <service.jvm-options> -jar},
 * the way the deployment runs it. The load is wrk's: {@code benchmark.http.threads} threads,
 * {@code benchmark.http.connections} connections, {@code benchmark.http.seconds} seconds per run after
 * {@code benchmark.http.warmup} seconds of warm-up per endpoint and service.
 *
 * <p>{@code ./mvnw -Pbenchmark verify -DskipTests}. Not a test: it prints figures and their ratios. It fails only when
 * a service does not start or answers an error.
 */
public final class HttpBenchmark {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final String ORDER = """
            {"customerId":"c-bench","email":"ada@example.com","shippingAddress":{"name":"Ada Lovelace",\
            "line1":"12 St James Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"},\
            "lines":[{"sku":"BOOK-1","quantity":2},{"sku":"PEN-7","quantity":1}]}""";

    private static final String REPORT = """
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT requests=%d micros=%d p50=%d p99=%d non2xx=%d socket=%d\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;

    private static final String POST = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.body = [[%s]]
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("id", threads)
            end
            local count = 0
            function request()
              count = count + 1
              wrk.headers["Idempotency-Key"] = run .. "-" .. id .. "-" .. count
              return wrk.format()
            end
            function init(args)
              run = args[1]
            end
            """.formatted(ORDER) + REPORT;

    /** Rounds in which the service takes turns with the hand-built, and with its variant if there is one. */
    private static final int ROUNDS = 6;

    private HttpBenchmark() {}

    public static void main(String[] args) throws Exception {
        // The embedded broker and server log at INFO; only the figures matter here.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.work());
        Path handBuiltJar = buildHandBuilt(settings);
        Path getScript = Files.writeString(settings.work().resolve("get.lua"), REPORT);
        Path postScript = Files.writeString(settings.work().resolve("post.lua"), POST);

        // Both services check the token's signature, expiry, issuer and audience (Boot's resource server settings).
        String issuer = "http://127.0.0.1/benchmark";
        String audience = "orders-benchmark";
        LocalTokens tokens = new LocalTokens(issuer, audience, "service");
        HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = tokens.publicJwkSet().getBytes(StandardCharsets.UTF_8);
        keys.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        keys.start();
        // A customer's own token (its subject is the customer the POST body names): the service checks ownership.
        String token = tokens.issue("c-bench", "orders:read orders:write");

        try (LocalPostgres postgres = LocalPostgres.start();
                LocalKafka kafka = LocalKafka.start()) {
            List<String> common = List.of(
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                            + keys.getAddress().getPort() + "/jwks",
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                    "--spring.security.oauth2.resourceserver.jwt.audiences=" + audience);
            List<String> serviceArgs = new ArrayList<>(common);
            serviceArgs.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            // Nothing calls the carrier here (no order is paid); the setting is required.
            serviceArgs.add("--shipping.carrier.base-url=http://127.0.0.1:9");
            // One caller sends everything: its allowance is raised out of reach, so that the limiting is measured
            // (every
            // request still takes from its bucket and carries the RateLimit headers) but never refuses.
            serviceArgs.add("--service.rate-limits.groups.reads.limit=1000000000");
            serviceArgs.add("--service.rate-limits.groups.writes.limit=1000000000");
            Target service = new Target("service", settings.serviceJar(), serviceArgs);
            Target handBuilt = new Target("hand-built", handBuiltJar, common);
            // With -Dbenchmark.http.variant="<arguments>", a second instance of the service with those arguments too:
            // what a setting costs, as a ratio taken in the same run. With -Dbenchmark.http.variant-jar=<jar>, the
            // second instance is that jar (an earlier build, say): what a change costs.
            List<String> variantArgs = new ArrayList<>(serviceArgs);
            variantArgs.addAll(settings.variant());
            Target variant = new Target("variant", settings.variantJar(), variantArgs);

            System.out.printf(Locale.ROOT, "%nJava %s, %s%n", Runtime.version(), System.getProperty("java.home"));
            System.out.printf(Locale.ROOT, "JVM options: %s%n", String.join(" ", settings.jvmOptions()));
            System.out.printf(
                    Locale.ROOT,
                    "PostgreSQL %s (%s), Kafka %s (%s)%n",
                    postgres.jdbcUrl(),
                    postgres.kind(),
                    kafka.bootstrapServers(),
                    kafka.kind());
            // The first start migrates the schema both services use; it is not timed.
            service.start(settings, List.of()).stop();

            Running handBuiltRun = handBuilt.start(settings, settings.recording(handBuilt));
            Running serviceRun = service.start(settings, settings.recording(service));
            Running variantRun = settings.hasVariant() ? variant.start(settings, settings.recording(variant)) : null;
            Load load = new Load(settings, token, getScript, postScript);
            String id = load.place(serviceRun);
            System.out.printf(
                    Locale.ROOT,
                    "Warm-up: GET and POST for %d s each, again until the JIT compilers are done (at most %d s)%n",
                    settings.warmup(),
                    settings.warmupMax());
            List<Running> runs = new ArrayList<>(List.of(handBuiltRun, serviceRun));
            if (variantRun != null) {
                runs.add(variantRun);
            }
            for (Running run : runs) {
                warmUp(load, run, id, postgres, settings);
            }
            System.out.printf(
                    Locale.ROOT,
                    "Measuring: %d s per endpoint and service, %d threads, %d connections%n",
                    settings.seconds(),
                    settings.threads(),
                    settings.connections());
            Wrk getHandBuilt = load.get(handBuiltRun, id, settings.seconds());
            Wrk getService = load.get(serviceRun, id, settings.seconds());
            if (variantRun != null) {
                // The same load as the service has had, so that the two are as far into their JIT compilation.
                load.get(variantRun, id, settings.seconds());
            }
            Wrk postHandBuilt = load.post(handBuiltRun, settings.seconds());
            Wrk postService = load.post(serviceRun, settings.seconds());
            long drained = drain(postgres);
            if (variantRun != null) {
                load.post(variantRun, settings.seconds());
                drain(postgres);
            }
            // Single runs one after another drift with the machine's other load and with how far each JVM is into
            // its JIT compilation; the ratios that count are taken in short rounds in which the two take turns.
            int roundSeconds = Math.max(3, settings.seconds() / 3);
            List<Running> others = variantRun == null ? List.of(handBuiltRun) : List.of(handBuiltRun, variantRun);
            List<List<Round>> rounds = takeTurns(load, serviceRun, others, id, postgres, roundSeconds);
            if (variantRun != null) {
                variantRun.stop();
            }
            serviceRun.stop();
            handBuiltRun.stop();

            Running cached = service.startWithCache(settings);
            cached.stop();

            System.out.printf(Locale.ROOT, "%n%-34s %12s %12s %8s  %s%n", "", "hand-built", "service", "ratio", "goal");
            row("GET requests/s", getHandBuilt.perSecond(), getService.perSecond(), ">= 0.9");
            row("GET p50 ms", getHandBuilt.p50(), getService.p50(), "");
            row("GET p99 ms", getHandBuilt.p99(), getService.p99(), "<= 1.2");
            row("POST requests/s", postHandBuilt.perSecond(), postService.perSecond(), ">= 0.7");
            row("POST p50 ms", postHandBuilt.p50(), postService.p50(), "");
            row("POST p99 ms", postHandBuilt.p99(), postService.p99(), "<= 1.2");
            row("startup to ready s", handBuiltRun.startup(), serviceRun.startup(), "<= 1.5");
            row(cached.label() + " s", handBuiltRun.startup(), cached.startup(), "<= 1.0");
            row("RSS after start MiB", handBuiltRun.rssMiB(), serviceRun.rssMiB(), "<= 1.5");
            printRounds("The service against the hand-built", "hand-built", rounds.get(0));
            if (variantRun != null) {
                printRounds(
                        "The service against "
                                + (settings.variantJar().equals(settings.serviceJar())
                                        ? "itself"
                                        : settings.variantJar())
                                + (settings.variant().isEmpty() ? "" : " with " + String.join(" ", settings.variant())),
                        "variant",
                        rounds.get(1));
                row("startup to ready s", variantRun.startup(), serviceRun.startup(), "");
                row("RSS after start MiB", variantRun.rssMiB(), serviceRun.rssMiB(), "");
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nThe service's outbox sent the last of its events %.1f s after the POST run"
                            + " ended. Logs and wrk scripts: %s%n%n",
                    drained / 1000.0,
                    settings.work());
            if (settings.record()) {
                for (Target target :
                        variantRun == null ? List.of(handBuilt, service) : List.of(handBuilt, service, variant)) {
                    Profile.print(target.name(), settings.work().resolve(target.name() + ".jfr"), 15);
                }
            }
        } finally {
            keys.stop(0);
        }
    }

    /**
     * The service and the others take turns in short rounds (the order rotates from round to round), after one round
     * that is not counted. Each round keeps the requests/s and the process CPU time per request of each, which the
     * machine's other load disturbs far less than a single run. Answers, for each of the others, its rounds.
     */
    private static List<List<Round>> takeTurns(
            Load load, Running service, List<Running> others, String id, LocalPostgres postgres, int roundSeconds)
            throws Exception {
        List<Running> all = new ArrayList<>();
        all.add(service);
        all.addAll(others);
        List<List<Round>> rounds = new ArrayList<>();
        others.forEach(other -> rounds.add(new ArrayList<>()));
        for (int round = 0; round <= ROUNDS; round++) {
            List<Running> order = new ArrayList<>(all);
            Collections.rotate(order, -round);
            Map<Running, Turn> gets = new HashMap<>();
            Map<Running, Turn> posts = new HashMap<>();
            for (Running run : order) {
                gets.put(run, Turn.of(run, () -> load.get(run, id, roundSeconds)));
            }
            for (Running run : order) {
                posts.put(run, Turn.of(run, () -> load.post(run, roundSeconds)));
                drain(postgres);
            }
            if (round > 0) {
                for (int other = 0; other < others.size(); other++) {
                    Running them = others.get(other);
                    rounds.get(other)
                            .add(new Round(gets.get(service), gets.get(them), posts.get(service), posts.get(them)));
                }
            }
        }
        return rounds;
    }

    /**
     * Drives GET and POST for {@code benchmark.http.warmup} seconds each, and again until the JVM's JIT compilers
     * compiled fewer methods in the last of these than 1 % of all they compiled so far, or
     * {@code benchmark.http.warmup-max} seconds have passed: the figures are of compiled code ("full JIT"), for a
     * service that loads far more code than the hand-built as much as for the hand-built.
     */
    private static void warmUp(Load load, Running run, String id, LocalPostgres postgres, Settings settings)
            throws Exception {
        long start = System.nanoTime();
        long compiled;
        long added;
        do {
            long before = run.compilations();
            load.get(run, id, settings.warmup());
            load.post(run, settings.warmup());
            drain(postgres);
            compiled = run.compilations();
            added = compiled - before;
        } while (added >= compiled / 100 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(settings.warmupMax()));
        System.out.printf(
                Locale.ROOT,
                "  %s warmed up in %.0f s: %d methods compiled, %d of them in the last %d s%n",
                run.name(),
                (System.nanoTime() - start) / 1e9,
                compiled,
                added,
                2 * settings.warmup());
    }

    private static void printRounds(String title, String other, List<Round> rounds) {
        System.out.printf(Locale.ROOT, "%n%s, %d rounds taking turns:%n", title, rounds.size());
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %8s%n", "", other, "service", "ratio");
        for (Round round : rounds) {
            row("GET requests/s", round.getOther().perSecond(), round.get().perSecond(), "");
            row(
                    "GET CPU us per request",
                    round.getOther().cpuMicros(),
                    round.get().cpuMicros(),
                    "");
            row("POST requests/s", round.postOther().perSecond(), round.post().perSecond(), "");
            row(
                    "POST CPU us per request",
                    round.postOther().cpuMicros(),
                    round.post().cpuMicros(),
                    "");
        }
        medianRow(
                "GET requests/s",
                rounds,
                round -> round.get().perSecond() / round.getOther().perSecond());
        medianRow(
                "GET CPU per request",
                rounds,
                round -> round.get().cpuMicros() / round.getOther().cpuMicros());
        medianRow(
                "POST requests/s",
                rounds,
                round -> round.post().perSecond() / round.postOther().perSecond());
        medianRow(
                "POST CPU per request",
                rounds,
                round -> round.post().cpuMicros() / round.postOther().cpuMicros());
    }

    private static void medianRow(String name, List<Round> rounds, ToDoubleFunction<Round> ratio) {
        double[] sorted = rounds.stream().mapToDouble(ratio).sorted().toArray();
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %8.2f%n", name + ", median", "", "", median);
    }

    /** One run of wrk against one service: its rate and the service process's CPU time per request. */
    record Turn(double perSecond, double cpuMicros) {

        static Turn of(Running target, Callable<Wrk> run) throws Exception {
            Duration before = target.process().info().totalCpuDuration().orElseThrow();
            Wrk wrk = run.call();
            Duration spent =
                    target.process().info().totalCpuDuration().orElseThrow().minus(before);
            return new Turn(wrk.perSecond(), spent.toNanos() / 1000.0 / Math.max(1, wrk.requests()));
        }
    }

    /** A round of the service and the other instance it takes turns with. */
    record Round(Turn get, Turn getOther, Turn post, Turn postOther) {}

    private static void row(String name, double handBuilt, double service, String goal) {
        System.out.printf(
                Locale.ROOT, "%-34s %12.1f %12.1f %8.2f  %s%n", name, handBuilt, service, service / handBuilt, goal);
    }

    /** Builds the hand-built equivalent with this project's Maven wrapper and answers its jar. */
    private static Path buildHandBuilt(Settings settings) throws Exception {
        Path project = settings.baseDir().resolve("src/benchmark/hand-built");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path wrapper = settings.baseDir().resolve(windows ? "mvnw.cmd" : "mvnw");
        Process build = new ProcessBuilder(
                        wrapper.toString(),
                        "-q",
                        "-B",
                        "-f",
                        project.resolve("pom.xml").toString(),
                        "package",
                        "-DskipTests")
                .inheritIO()
                .start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("The hand-built equivalent did not build (" + project + ")");
        }
        try (Stream<Path> jars = Files.list(project.resolve("target"))) {
            return jars.filter(jar -> jar.toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Waits until the service's outbox has sent everything; answers how long that took, in milliseconds. */
    private static long drain(LocalPostgres postgres) throws Exception {
        long start = System.nanoTime();
        try (var connection =
                        DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.prepareStatement(
                        "select count(*) from event_publication where completion_date is null")) {
            while (true) {
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    record Settings(
            Path baseDir,
            Path serviceJar,
            Path work,
            List<String> jvmOptions,
            int threads,
            int connections,
            int seconds,
            int warmup,
            int warmupMax,
            boolean record,
            List<String> variant,
            Path variantJar) {

        boolean hasVariant() {
            return !variant.isEmpty() || !variantJar.equals(serviceJar);
        }

        /** With {@code -Dbenchmark.http.jfr=true}, a JDK Flight Recording of the whole run, for a profile. */
        List<String> recording(Target target) {
            return record
                    // Deep enough for a request's whole stack, filter chain included (the default keeps 64 frames).
                    ? List.of(
                            "-XX:FlightRecorderOptions:stackdepth=256",
                            "-XX:StartFlightRecording=settings=profile,filename="
                                    + work.resolve(target.name() + ".jfr"))
                    : List.of();
        }

        static Settings fromSystemProperties() {
            Path baseDir = Path.of(System.getProperty("benchmark.basedir", ".")).toAbsolutePath();
            return new Settings(
                    baseDir,
                    Path.of(System.getProperty("benchmark.http.jar")),
                    baseDir.resolve("target/benchmark"),
                    Arrays.stream(System.getProperty("benchmark.http.jvm-options", "")
                                    .split("\\s+"))
                            .filter(option -> !option.isBlank())
                            .toList(),
                    Integer.getInteger("benchmark.http.threads", 2),
                    Integer.getInteger("benchmark.http.connections", 32),
                    Integer.getInteger("benchmark.http.seconds", 15),
                    Integer.getInteger("benchmark.http.warmup", 20),
                    Integer.getInteger("benchmark.http.warmup-max", 180),
                    Boolean.getBoolean("benchmark.http.jfr"),
                    Arrays.stream(System.getProperty("benchmark.http.variant", "")
                                    .split("\\s+"))
                            .filter(argument -> !argument.isBlank())
                            .toList(),
                    Path.of(
                            System.getProperty("benchmark.http.variant-jar", "").isBlank()
                                    ? System.getProperty("benchmark.http.jar")
                                    : System.getProperty("benchmark.http.variant-jar")));
        }
    }

    /** A jar to run with its arguments. */
    record Target(String name, Path jar, List<String> args) {

        Running start(Settings settings, List<String> extraJvmOptions) throws Exception {
            return start(settings, extraJvmOptions, jar, "startup to ready");
        }

        private Running start(Settings settings, List<String> extraJvmOptions, Path jarToRun, String label)
                throws Exception {
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings.jvmOptions());
            command.addAll(extraJvmOptions);
            command.add("-jar");
            command.add(jarToRun.toString());
            command.add("--server.port=" + port);
            command.addAll(args);
            Path log = settings.work().resolve(name + ".log");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            // A run that fails half-way leaves no service behind to disturb the next one.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            URI ready = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            while (!isUp(ready)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " stopped while starting; see " + log);
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(3)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(name + " was not ready within 3 minutes; see " + log);
                }
                Thread.sleep(25);
            }
            double startup = (System.nanoTime() - start) / 1e9;
            return new Running(name, label, process, port, startup, rssMiB(process.pid()));
        }

        /**
         * Starts the service from its extracted jar with the JVM's class cache: Boot's CDS archive on Java 17 to 24
         * ({@code -XX:ArchiveClassesAtExit}), the AOT cache from Java 25 ({@code -XX:AOTCacheOutput}). Both come from
         * a training run that stops once the application context is refreshed.
         */
        Running startWithCache(Settings settings) throws Exception {
            Path extracted = settings.work().resolve(name + "-extracted");
            run(List.of(
                    java(),
                    "-Djarmode=tools",
                    "-jar",
                    jar.toString(),
                    "extract",
                    "--force",
                    "--destination",
                    extracted.toString()));
            Path app = extracted.resolve(jar.getFileName());
            boolean aot = Runtime.version().feature() >= 25;
            Path cache = extracted.resolve(aot ? "service.aot" : "service.jsa");
            List<String> training = new ArrayList<>();
            training.add(java());
            training.addAll(settings.jvmOptions());
            training.add(aot ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache);
            training.add("-Dspring.context.exit=onRefresh");
            training.add("-jar");
            training.add(app.toString());
            training.add("--server.port=0");
            training.addAll(args);
            run(training);
            return start(
                    settings,
                    List.of(aot ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache),
                    app,
                    aot ? "startup, AOT cache" : "startup, CDS archive");
        }

        private void run(List<String> command) throws Exception {
            Path log = Path.of(System.getProperty("benchmark.basedir", "."), "target/benchmark", name + "-cache.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        }

        private static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        private static boolean isUp(URI uri) {
            try {
                return http.send(
                                        HttpRequest.newBuilder(uri)
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        /** Resident set size: {@code /proc} on Linux, {@code ps} elsewhere. */
        private static double rssMiB(long pid) throws Exception {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            if (Files.exists(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            }
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
            return Long.parseLong(new String(ps.getInputStream().readAllBytes()).trim()) / 1024.0;
        }
    }

    record Running(String name, String label, Process process, int port, double startup, double rssMiB) {

        String base() {
            return "http://127.0.0.1:" + port;
        }

        /** How many methods the JIT compilers compiled so far ({@code jcmd <pid> PerfCounter.print}). */
        long compilations() throws Exception {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(process.pid()),
                            "PerfCounter.print")
                    .redirectErrorStream(true)
                    .start();
            String counters = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            Matcher compiles =
                    Pattern.compile("(?m)^sun\\.ci\\.totalCompiles=(\\d+)").matcher(counters);
            if (!compiles.find()) {
                throw new IllegalStateException("jcmd " + process.pid() + " PerfCounter.print: " + counters);
            }
            return Long.parseLong(compiles.group(1));
        }

        Running stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return this;
        }
    }

    record Load(Settings settings, String token, Path getScript, Path postScript) {

        /** Places one order through the service and answers its id, for every GET run. */
        String place(Running service) throws Exception {
            HttpResponse<String> placed = http.send(
                    HttpRequest.newBuilder(URI.create(service.base() + "/api/orders"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(ORDER))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(placed.body());
            if (placed.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException(
                        "POST /api/orders answered " + placed.statusCode() + ": " + placed.body());
            }
            return id.group(1);
        }

        Wrk get(Running target, String id, int seconds) throws Exception {
            return wrk(target, getScript, target.base() + "/api/orders/" + id, seconds);
        }

        Wrk post(Running target, int seconds) throws Exception {
            return wrk(target, postScript, target.base() + "/api/orders", seconds);
        }

        private Wrk wrk(Running target, Path script, String url, int seconds) throws Exception {
            List<String> command = List.of(
                    "wrk",
                    "-t",
                    Integer.toString(settings.threads()),
                    "-c",
                    Integer.toString(settings.connections()),
                    "-d",
                    seconds + "s",
                    "--timeout",
                    "10s",
                    "-H",
                    "Authorization: Bearer " + token,
                    "-s",
                    script.toString(),
                    url,
                    "--",
                    UUID.randomUUID().toString());
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "wrk is not installed: apt-get install wrk (Debian, Ubuntu), " + "brew install wrk (macOS)", e);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Wrk result = Wrk.parse(output);
            if (result.non2xx() > 0 || result.socketErrors() > 0) {
                throw new IllegalStateException("%s: %d error answers and %d socket errors from %s; see %s.log%n%s"
                        .formatted(target.name(), result.non2xx(), result.socketErrors(), url, target.name(), output));
            }
            return result;
        }
    }

    /** One wrk run: requests, seconds, and the latency percentiles in milliseconds. */
    record Wrk(long requests, double seconds, double p50, double p99, long non2xx, long socketErrors) {

        private static final Pattern RESULT = Pattern.compile(
                "RESULT requests=(\\d+) micros=(\\d+) p50=(\\d+) p99=(\\d+) non2xx=(\\d+) socket=(\\d+)");

        static Wrk parse(String output) {
            Matcher result = RESULT.matcher(output);
            if (!result.find()) {
                throw new IllegalStateException("wrk printed no result:\n" + output);
            }
            return new Wrk(
                    Long.parseLong(result.group(1)),
                    Long.parseLong(result.group(2)) / 1e6,
                    Long.parseLong(result.group(3)) / 1000.0,
                    Long.parseLong(result.group(4)) / 1000.0,
                    Long.parseLong(result.group(5)),
                    Long.parseLong(result.group(6)));
        }

        double perSecond() {
            return requests / seconds;
        }
    }
}
