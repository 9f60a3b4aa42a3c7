package org.plenum.gateway.shell;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three test subgraphs of a small library on one local HTTP server: {@code /catalog} (books, authors, a mutation
 * and an echo of request headers), {@code /reviews} and {@code /stock}, which answers entity fetches only after
 * {@link #STOCK_DELAY_MILLIS}. {@code /broken/*} answer like misbehaving servers; {@code GET /served/<subgraph>}
 * tells how many GraphQL requests that subgraph has received. {@code /slow} answers as {@code /catalog} does, after
 * the same delay; {@code GET /abandoned} tells how many delayed answers found their request already closed.
 * {@code GET /connections/<subgraph>} tells over how many distinct connections that subgraph was asked.
 * {@code /flaky} answers as {@code /catalog} does, except every fourth request, which gets a bare HTTP 503 (as from a
 * load balancer); {@code /down} always does. Both count every request they get in {@code /served}.
 */
public final class LibrarySubgraphs {

    static final String QUIET_HARBOUR = "978-0-00-000001-1";
    static final String GLASS_ORCHARDS = "978-0-00-000002-2";
    static final long STOCK_DELAY_MILLIS = 3000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Map<String, Map<String, Object>> books = new ConcurrentSkipListMap<>();
    private final Map<String, TestSubgraph> subgraphs;
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final Map<String, Set<HttpConnection>> connections = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private HttpServer server;

    public LibrarySubgraphs(Vertx vertx) {
        this.vertx = vertx;
        addBook(QUIET_HARBOUR, "The Quiet Harbour", "Ada Brennan", 1961, 320);
        addBook(GLASS_ORCHARDS, "Glass Orchards", "Tomas Reyes", null, 212);
        Map<String, List<Map<String, Object>>> reviews = Map.of(
                QUIET_HARBOUR, List.of(review(5, "Luminous"), review(4, null)),
                GLASS_ORCHARDS, List.of());
        Map<String, Integer> stock = Map.of(QUIET_HARBOUR, 4, GLASS_ORCHARDS, 0);
        this.subgraphs = Map.of(
                "catalog", new TestSubgraph("shell/library/catalog-live.graphql", Map.of(
                        "Query.books", env -> List.copyOf(books.values()),
                        "Query.book", env -> books.get(env.<String>getArgument("isbn")),
                        "Query.requestHeader", env -> env.getGraphQlContext().<MultiMap>get(TestSubgraph.HEADERS)
                                .get(env.<String>getArgument("name")),
                        "Mutation.renameBook", env -> books.computeIfPresent(env.getArgument("isbn"), (isbn, book) -> {
                            book.put("title", env.getArgument("title"));
                            return book;
                        })),
                        representation -> books.get((String) representation.get("isbn"))),
                "reviews", new TestSubgraph("shell/library/subgraphs/reviews.graphql", Map.of(),
                        representation -> entity(representation, "reviews", reviews.get(representation.get("isbn")))),
                "stock", new TestSubgraph("shell/library/subgraphs/stock.graphql", Map.of(),
                        representation -> entity(representation, "copiesInStock", stock.get(representation.get("isbn")))));
    }

    /** Starts the server on a free port; returns its base URL. */
    public String start() {
        server = await(vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1"));
        return "http://127.0.0.1:" + server.actualPort();
    }

    public void stop() {
        await(server.close());
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            if (path.equals("/abandoned")) {
                request.response().end(String.valueOf(abandoned.get()));
                return;
            }
            if (path.startsWith("/connections/")) {
                Set<HttpConnection> used = connections.get(path.substring("/connections/".length()));
                request.response().end(String.valueOf(used == null ? 0 : used.size()));
                return;
            }
            if (path.startsWith("/served/")) {
                request.response().end(String.valueOf(served(path.substring("/served/".length()))));
                return;
            }
            switch (path) {
                case "/broken/html-502" -> request.response().setStatusCode(502)
                        .putHeader("content-type", "text/html").end("<html><body>Bad gateway</body></html>");
                case "/broken/graphql-500" -> request.response().setStatusCode(500)
                        .putHeader("content-type", "application/json")
                        .end("{\"errors\":[{\"message\":\"database down\"}]}");
                case "/broken/not-json" -> request.response().putHeader("content-type", "text/plain").end("hello");
                case "/slow" -> answer(request, subgraphs.get("catalog"), body);
                case "/flaky" -> {
                    if (count("flaky") % 4 == 1) {
                        request.response().setStatusCode(503).end();
                    } else {
                        answer(request, subgraphs.get("catalog"), body);
                    }
                }
                case "/down" -> {
                    count("down");
                    request.response().setStatusCode(503).end();
                }
                default -> answer(request, subgraphs.get(path.substring(1)), body);
            }
        });
    }

    private void answer(HttpServerRequest request, TestSubgraph subgraph, Buffer body) {
        if (subgraph == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (!request.path().equals("/flaky")) {
            count(request.path().substring(1));
        }
        connections.computeIfAbsent(request.path().substring(1), name -> ConcurrentHashMap.newKeySet())
                .add(request.connection());
        Map<String, Object> query = parse(body);
        Map<String, Object> result = subgraph.execute(query, request.headers());
        Buffer json = Buffer.buffer(write(result));
        if (request.path().equals("/slow")
                || request.path().equals("/stock") && ((String) query.get("query")).contains("_entities")) {
            vertx.setTimer(STOCK_DELAY_MILLIS, id -> {
                if (request.response().closed()) {
                    abandoned.incrementAndGet();
                }
                respond(request, json);
            });
        } else {
            respond(request, json);
        }
    }

    private static void respond(HttpServerRequest request, Buffer json) {
        if (!request.response().closed()) {
            request.response().putHeader("content-type", "application/json").end(json);
        }
    }

    /** @return how many requests the subgraph got, this one included */
    private int count(String subgraph) {
        return served.computeIfAbsent(subgraph, name -> new AtomicInteger()).incrementAndGet();
    }

    private int served(String subgraph) {
        AtomicInteger count = served.get(subgraph);
        return count == null ? 0 : count.get();
    }

    private void addBook(String isbn, String title, String author, Integer born, int pages) {
        Map<String, Object> authorMap = new LinkedHashMap<>();
        authorMap.put("name", author);
        authorMap.put("born", born);
        Map<String, Object> book = new ConcurrentHashMap<>(Map.of(
                "__typename", "Book", "isbn", isbn, "title", title, "author", authorMap, "pages", pages));
        books.put(isbn, book);
    }

    private static Map<String, Object> review(int stars, String comment) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("stars", stars);
        review.put("comment", comment);
        return review;
    }

    private static Map<String, Object> entity(Map<String, Object> representation, String field, Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> entity = new LinkedHashMap<>(representation);
        entity.put(field, value);
        return entity;
    }

    private static Map<String, Object> parse(Buffer body) {
        try {
            return JSON.readValue(body.getBytes(), JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
