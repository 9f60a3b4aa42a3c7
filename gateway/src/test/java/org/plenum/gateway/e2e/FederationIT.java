package org.plenum.gateway.e2e;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.plenum.gateway.engine.compose.SubgraphDefinition;
import org.plenum.gateway.engine.compose.SupergraphComposer;
import org.plenum.gateway.engine.compose.SupergraphShape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.plenum.gateway.e2e.SubgraphProcesses.SPEAKERS;
import static org.plenum.gateway.e2e.SubgraphProcesses.TOPICS;

/** The packaged gateway in front of the two real subgraphs, each on its real database. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(OrderAnnotation.class)
class FederationIT {

    /** Five levels across both services: speakers -> topics -> speakers -> quotes. */
    private static final String NESTED = """
            { speakers(first: 20) { edges { node { id name
                topics { id title speakers { id name quotes { id text } } } } } } }""";

    private final SubgraphProcesses subgraphs = SubgraphProcesses.get();

    @Test
    @Order(0)
    void liveSubgraphSdlsComposeWithApolloCompositionAndOurComposerAgrees() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "live-composition");
        Files.createDirectories(dir.resolve("subgraphs"));
        List<SubgraphDefinition> subgraphDefinitions = new ArrayList<>();
        for (String name : List.of(SPEAKERS, TOPICS)) {
            String sdl = subgraph(name, "{ _service { sdl } }", Map.of()).getString("data._service.sdl");
            assertThat(sdl, containsString("specs.apollo.dev/federation/v2"));
            Files.writeString(dir.resolve("subgraphs").resolve(name + ".graphql"), sdl);
            subgraphDefinitions.add(new SubgraphDefinition(name, "http://" + name + ".test/graphql", sdl));
        }

        Process apollo = new ProcessBuilder("node", "src/test/composition/compose.mjs", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(apollo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat("@apollo/composition: " + output, apollo.waitFor(), equalTo(0));

        String apolloSupergraph = Files.readString(dir.resolve("supergraph.graphql"));
        assertThat(SupergraphShape.of(SupergraphComposer.compose(subgraphDefinitions)),
                equalTo(SupergraphShape.of(apolloSupergraph)));
    }

    @Test
    @Order(1)
    void nestedQueryAcrossServicesReturnsExactlyWhatTheSubgraphsHold() {
        List<Map<String, Object>> speakers = gateway(NESTED).getList("data.speakers.edges.node");

        assertThat(speakers.stream().map(s -> s.get("name")).toList(), hasItems("Khalil Hashmi", "Lin Nan"));
        assertThat(speakers, equalTo(expectedFromSubgraphs()));
    }

    @Test
    @Order(2)
    void subgraphRequestsPerQueryAreFixedByThePlanNotByTheData() {
        long before = subgraphRequests();
        gateway(NESTED);
        long perQuery = subgraphRequests() - before;

        String topicId = firstTopicId();
        for (int i = 1; i <= 3; i++) {
            String speakerId = gateway("mutation($n: String!) { createSpeaker(input: {name: $n, country: \"Chile\"}) { id } }",
                    Map.of("n", "Load speaker " + i)).getString("data.createSpeaker.id");
            gateway("mutation($s: ID!, $t: ID!) { addQuote(input: {speakerId: $s, topicIds: [$t], text: \"Said by a load speaker.\"}) { id } }",
                    Map.of("s", speakerId, "t", topicId));
        }

        before = subgraphRequests();
        List<Object> speakers = gateway(NESTED).getList("data.speakers.edges");
        long afterGrowth = subgraphRequests() - before;

        assertThat(speakers.size(), greaterThanOrEqualTo(5));
        assertThat(perQuery, allOf(greaterThanOrEqualTo(2L), lessThanOrEqualTo(4L)));
        assertThat(afterGrowth, equalTo(perQuery));
    }

    @Test
    @Order(3)
    void addQuoteForAnUnknownSpeakerIsNotFoundAndWritesNothing() {
        String topicId = firstTopicId();
        int quotesBefore = gateway("query($t: ID!) { topic(id: $t) { quotes { id } } }", Map.of("t", topicId))
                .getList("data.topic.quotes").size();

        JsonPath answer = gateway("mutation($t: ID!) { addQuote(input: {speakerId: \"nobody-here\", topicIds: [$t], text: \"Never said.\"}) { id } }",
                Map.of("t", topicId));

        assertThat(answer.getString("errors[0].extensions.code"), equalTo("NOT_FOUND"));
        assertThat(answer.getString("errors[0].message"), containsString("nobody-here"));
        assertThat(answer.getList("errors[0].path"), contains("addQuote"));
        assertThat(gateway("query($t: ID!) { topic(id: $t) { quotes { id } } }", Map.of("t", topicId))
                .getList("data.topic.quotes"), hasSize(quotesBefore));
    }

    @Test
    @Order(4)
    void deletingASpeakerRemovesTheirQuotesAndLeavesTheGraphWhole() {
        String topicId = firstTopicId();
        String speakerId = gateway("mutation { createSpeaker(input: {name: \"Short-lived Speaker\"}) { id } }")
                .getString("data.createSpeaker.id");
        String quoteId = gateway("mutation($s: ID!, $t: ID!) { addQuote(input: {speakerId: $s, topicIds: [$t], text: \"Soon gone.\"}) { id } }",
                Map.of("s", speakerId, "t", topicId)).getString("data.addQuote.id");
        assertThat(gateway("query($t: ID!) { topic(id: $t) { speakers { id name } } }", Map.of("t", topicId))
                .getList("data.topic.speakers.name"), hasItem("Short-lived Speaker"));

        JsonPath deletion = gateway("mutation($s: ID!) { deleteSpeaker(id: $s) { deleted topicsCleanup } }",
                Map.of("s", speakerId));
        assertThat(deletion.getBoolean("data.deleteSpeaker.deleted"), is(true));
        assertThat(deletion.getString("data.deleteSpeaker.topicsCleanup"), is("DONE"));

        String everything = """
                { topics(first: 100) { edges { node { id speakers { id name } quotes { id text speaker { id name } } } } } }""";
        JsonPath after = gateway(everything);
        assertThat(after.getList("errors"), nullValue());
        assertThat(after.getList("data.topics.edges.node.speakers.id").toString(), not(containsString(speakerId)));
        assertThat(after.getList("data.topics.edges.node.quotes.id").toString(), not(containsString(quoteId)));
        assertThat(gateway("query($q: ID!) { quote(id: $q) { id } }", Map.of("q", quoteId)).getString("data.quote"), nullValue());
    }

    @Test
    @Order(5)
    void aStoppedSubgraphGivesPartialDataAndAnErrorThenServesAgainWhenBack() {
        String topicId = firstTopicId();
        String query = "query($t: ID!) { speaker(id: \"khalil-hashmi\") { name } topic(id: $t) { title } }";
        subgraphs.stop(TOPICS);
        try {
            JsonPath partial = gateway(query, Map.of("t", topicId));
            assertThat(partial.getString("data.speaker.name"), equalTo("Khalil Hashmi"));
            assertThat(partial.getString("data.topic"), nullValue());
            assertThat(partial.getList("errors.extensions.code"), contains("SUBGRAPH_UNAVAILABLE"));
            assertThat(partial.getList("errors[0].path"), contains("topic"));
            assertThat(partial.getString("errors[0].message"), containsString("topics"));
        } finally {
            subgraphs.start(TOPICS);
        }
        JsonPath whole = gateway(query, Map.of("t", topicId));
        assertThat(whole.getList("errors"), nullValue());
        assertThat(whole.getString("data.topic.title"), not(blankOrNullString()));
    }

    /** The answer to {@link #NESTED} assembled by asking each subgraph directly for its part. */
    private List<Map<String, Object>> expectedFromSubgraphs() {
        List<Map<String, Object>> speakers = subgraph(SPEAKERS, "{ speakers(first: 20) { edges { node { id name } } } }", Map.of())
                .getList("data.speakers.edges.node");
        List<Map<String, Object>> topicsBySpeaker = entities(TOPICS, "Speaker", ids(speakers),
                "topics { id title speakers { id } }");
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            Map<String, Object> speaker = new LinkedHashMap<>(speakers.get(i));
            List<Map<String, Object>> topics = new ArrayList<>();
            for (Map<String, Object> topic : listOf(topicsBySpeaker.get(i).get("topics"))) {
                List<Map<String, Object>> topicSpeakers = listOf(topic.get("speakers"));
                List<Map<String, Object>> names = entities(SPEAKERS, "Speaker", ids(topicSpeakers), "id name");
                List<Map<String, Object>> quotes = entities(TOPICS, "Speaker", ids(topicSpeakers), "quotes { id text }");
                List<Map<String, Object>> fullSpeakers = new ArrayList<>();
                for (int j = 0; j < topicSpeakers.size(); j++) {
                    Map<String, Object> full = new LinkedHashMap<>(names.get(j));
                    full.put("quotes", quotes.get(j).get("quotes"));
                    fullSpeakers.add(full);
                }
                Map<String, Object> fullTopic = new LinkedHashMap<>();
                fullTopic.put("id", topic.get("id"));
                fullTopic.put("title", topic.get("title"));
                fullTopic.put("speakers", fullSpeakers);
                topics.add(fullTopic);
            }
            speaker.put("topics", topics);
            expected.add(speaker);
        }
        return expected;
    }

    private List<Map<String, Object>> entities(String subgraph, String type, List<Object> ids, String selection) {
        List<Map<String, Object>> representations = ids.stream()
                .map(id -> Map.<String, Object>of("__typename", type, "id", id)).collect(Collectors.toList());
        return subgraph(subgraph, "query($r: [_Any!]!) { _entities(representations: $r) { ... on " + type + " { " + selection + " } } }",
                Map.of("r", representations)).getList("data._entities");
    }

    private static List<Object> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> item.get("id")).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private String firstTopicId() {
        return gateway("{ topics(first: 1) { edges { node { id } } } }").getString("data.topics.edges[0].node.id");
    }

    /** Requests both subgraphs have served at /graphql, from their own Prometheus metrics. */
    private long subgraphRequests() {
        return graphqlRequestCount(SPEAKERS) + graphqlRequestCount(TOPICS);
    }

    private long graphqlRequestCount(String subgraph) {
        String metrics = given().baseUri(subgraphs.managementUrl(subgraph)).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"/graphql\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static JsonPath gateway(String query) {
        return gateway(query, Map.of());
    }

    /** As an editor: with a token granting every write scope. */
    private static JsonPath gateway(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Authorization", "Bearer " + SubgraphProcesses.get().token(SubgraphProcesses.EDITOR))
                .body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath subgraph(String subgraph, String query, Map<String, Object> variables) {
        return given().baseUri(subgraphs.baseUrl(subgraph)).contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }
}
