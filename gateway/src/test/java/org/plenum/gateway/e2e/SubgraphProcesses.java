package org.plenum.gateway.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.plenum.gateway.auth.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two real subgraphs as the operator runs them: their packaged production jars, started as processes
 * against real database servers given by URL (PostgreSQL from zonky, a MongoDB-wire server), talking to each other
 * over HTTP. One instance serves the whole end-to-end suite; a subgraph can be stopped and started mid-test.
 * All three trust one test-only issuer (a key generated per run, its JWKS in a file); speakers-service holds the
 * service token for topics-service's internal API.
 */
public final class SubgraphProcesses {

    public static final String SPEAKERS = "speakers";
    public static final String TOPICS = "topics";
    /** Every write scope of the sample graph. */
    public static final String EDITOR = "speakers:write topics:write";

    private static SubgraphProcesses instance;

    private final Path projectRoot;
    private final Path logDir;
    private final EmbeddedPostgres postgres;
    private final MongoServer mongo;
    private final String mongoUrl;
    private final TestIssuer issuer = new TestIssuer();
    private final Path jwksFile;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Where each subgraph serves health and metrics: Quarkus' management interface, apart from GraphQL. */
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();

    private SubgraphProcesses() throws IOException {
        projectRoot = Path.of("").toAbsolutePath().getParent();
        logDir = Path.of("target", "e2e-logs").toAbsolutePath();
        Files.createDirectories(logDir);
        postgres = EmbeddedPostgres.builder().start();
        mongo = new MongoServer(new MemoryBackend());
        mongoUrl = "mongodb://localhost:" + mongo.bind().getPort();
        jwksFile = Files.writeString(logDir.resolve("jwks.json"), issuer.jwks());
        for (String subgraph : List.of(SPEAKERS, TOPICS)) {
            ports.put(subgraph, freePort());
            managementPorts.put(subgraph, freePort());
        }
    }

    public static synchronized SubgraphProcesses get() {
        if (instance == null) {
            try {
                instance = new SubgraphProcesses();
                instance.start(SPEAKERS);
                instance.start(TOPICS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String graphqlUrl(String subgraph) {
        return baseUrl(subgraph) + "/graphql";
    }

    /** The issuer's keys as the gateway and the subgraphs read them. */
    public String jwksUrl() {
        return jwksFile.toUri().toString();
    }

    /** A valid token of the test issuer granting these scopes (space-separated). */
    public String token(String scopes) {
        return issuer.token(scopes);
    }

    public String baseUrl(String subgraph) {
        return "http://localhost:" + ports.get(subgraph);
    }

    /** Where the subgraph serves health and metrics (Quarkus' management interface). */
    public String managementUrl(String subgraph) {
        return "http://localhost:" + managementPorts.get(subgraph);
    }

    public synchronized void start(String subgraph) {
        Process process;
        try {
            process = new ProcessBuilder(command(subgraph))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(subgraph + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processes.put(subgraph, process);
        awaitReady(subgraph, process);
    }

    public synchronized void stop(String subgraph) {
        Process process = processes.remove(subgraph);
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static synchronized void stopAll() {
        if (instance == null) {
            return;
        }
        instance.close();
        instance = null;
    }

    private void close() {
        new ArrayList<>(processes.keySet()).forEach(this::stop);
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the test run is over; a leftover temp directory is harmless
        }
        mongo.shutdownNow();
    }

    private List<String> command(String subgraph) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dquarkus.http.port=" + ports.get(subgraph),
                "-Dquarkus.management.port=" + managementPorts.get(subgraph),
                "-Dmp.jwt.verify.publickey.location=" + jwksFile, "-Dmp.jwt.verify.issuer=" + TestIssuer.ISSUER,
                "-Dmp.jwt.verify.audiences=" + TestIssuer.AUDIENCE));
        if (subgraph.equals(SPEAKERS)) {
            command.add("-Dplenum.topics-service.token=" + issuer.token("topics:speaker-cleanup"));
            command.add("-Dquarkus.mongodb.connection-string=" + mongoUrl);
            command.add("-Dplenum.topics-service.url=" + baseUrl(TOPICS));
            command.add("-Dplenum.speaker-deletions.retry-interval=1s");
        } else {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            command.add("-Dquarkus.datasource.jdbc.url=" + jdbcUrl);
            command.add("-Dquarkus.datasource.reactive.url=" + jdbcUrl.replaceFirst("^jdbc:", "").split("\\?")[0]);
            command.add("-Dquarkus.datasource.username=postgres");
            command.add("-Dquarkus.datasource.password=postgres");
            command.add("-Dplenum.speakers-service.url=" + baseUrl(SPEAKERS));
        }
        command.add("-jar");
        command.add(jar(subgraph).toString());
        return command;
    }

    private Path jar(String subgraph) {
        Path jar = projectRoot.resolve(subgraph + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the subgraphs first "
                    + "(./mvnw package -pl speakers-service,topics-service -DskipTests, or ./mvnw verify from the root)");
        }
        return jar;
    }

    private void awaitReady(String subgraph, Process process) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl(subgraph) + "/q/health/ready")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(subgraph + " exited with " + process.exitValue()
                        + "; see " + logDir.resolve(subgraph + ".log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException(subgraph + " not ready after 120 s; see " + logDir.resolve(subgraph + ".log"));
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
