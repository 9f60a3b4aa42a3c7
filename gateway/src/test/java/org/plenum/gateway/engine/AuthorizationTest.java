package org.plenum.gateway.engine;

import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.authorization.Caller;
import org.plenum.gateway.engine.authorization.PolicyEvaluator;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenum.gateway.engine.ErrorsTest.errors;
import static org.plenum.gateway.engine.ErrorsTest.map;

/**
 * {@code @authenticated}, {@code @requiresScopes} and {@code @policy} enforced by the engine, on the
 * "authorization" fixture composed by {@code @apollo/composition}: what the caller may not see is removed before
 * planning, answered with null and an UNAUTHORIZED_FIELD_OR_TYPE error at its path, and never fetched.
 */
class AuthorizationTest {

    private static final String UNAUTHORIZED = "UNAUTHORIZED_FIELD_OR_TYPE";
    private static final Map<String, Object> ADA = map("__typename", "User", "id", "1", "name", "Ada",
            "email", "ada@example.org", "ssn", "111");
    private static final Map<String, Object> BOB = map("__typename", "User", "id", "2", "name", "Bob",
            "email", "bob@example.org", "ssn", "222");
    private static final Map<String, Object> AUDIT = map("__typename", "AuditLog", "id", "a1", "entry", "Ada logged in");
    private static final Map<String, Object> PUBLIC_POST = map("__typename", "PublicPost", "id", "p1", "title", "Hello");
    private static final Map<String, Object> DRAFT = map("__typename", "DraftPost", "id", "d1", "title", "Plans");

    /** Callers' claim "roles" names the policies they satisfy. */
    private static final PolicyEvaluator ROLES = (caller, policies) -> {
        Set<String> satisfied = new HashSet<>(policies);
        satisfied.retainAll(caller.claims().getOrDefault("roles", List.of()) instanceof List<?> roles ? roles : List.of());
        return satisfied;
    };

    private final List<String> deletedUsers = Collections.synchronizedList(new ArrayList<>());
    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("accounts", new FakeSubgraph(Fixtures.subgraphSdl("authorization", "accounts"), Map.of(),
                    map("me", ADA, "users", List.of(ADA, BOB), "search", List.of(ADA, AUDIT), "auditLog", List.of(AUDIT), "status", "ok",
                            "code", "s3cr3t", "level", "HIGH"),
                    Map.<String, DataFetcher<?>>of(
                            "Query.user", env -> "1".equals(env.getArgument("id")) ? ADA : BOB,
                            "Mutation.deleteUser", env -> deletedUsers.add(env.getArgument("id")),
                            "Mutation.renameUser", env -> map("__typename", "User", "id", env.getArgument("id"),
                                    "name", env.getArgument("name")))))
            .with("posts", new FakeSubgraph(Fixtures.subgraphSdl("authorization", "posts"),
                    Map.of("User", List.of(map("__typename", "User", "id", "1", "posts", List.of(PUBLIC_POST),
                            "drafts", List.of(DRAFT)))),
                    map("posts", List.of(PUBLIC_POST, DRAFT)), Map.of()));
    private final Gateway gateway = Gateway.create(Fixtures.supergraph("authorization"), client, GatewayOptions.defaults(), ROLES);

    @Test
    void answersWhatTheCallerMaySeeAndNullsTheRestWithAnErrorAtEachPath() {
        GatewayResponse response = run(Caller.ANONYMOUS, "{ users { id name email } status }");

        assertEquals(map("users", List.of(map("id", "1", "name", "Ada", "email", null), map("id", "2", "name", "Bob", "email", null)),
                "status", "ok"), response.body().get("data"));
        assertEquals(List.of(List.of("users", 0, "email"), List.of("users", 1, "email")), paths(response));
        errors(response).forEach(error -> {
            assertEquals(Map.of("code", UNAUTHORIZED), error.get("extensions"));
            assertEquals("Unauthorized field or type: User.email", error.get("message"));
        });
        assertFalse(client.requestsTo("accounts").get(0).query().contains("email"), "an unauthorized field is never fetched");
    }

    @Test
    void requiresScopesNeedsAllScopesOfAnyOneAlternative() {
        String query = "{ users { name email } }";

        assertEquals(List.of(List.of("users", 0, "email"), List.of("users", 1, "email")),
                paths(run(caller("read:email"), query)), "read:email alone is half of an alternative");
        assertEquals(List.of(), paths(run(caller("read:email", "read:user"), query)));
        GatewayResponse admin = run(caller("admin"), query);
        assertEquals(map("users", List.of(map("name", "Ada", "email", "ada@example.org"), map("name", "Bob", "email", "bob@example.org"))),
                admin.body().get("data"));
    }

    @Test
    void anUnauthorizedNonNullFieldNullsItsNearestNullableParent() {
        GatewayResponse response = run(Caller.ANONYMOUS, "{ user(id: \"1\") { name ssn } status }");

        assertEquals(map("user", null, "status", "ok"), response.body().get("data"));
        assertEquals(List.of(List.of("user", "ssn")), paths(response));
    }

    @Test
    void callsNoSubgraphWhenNothingTheCallerMaySeeIsLeft() {
        GatewayResponse response = run(Caller.ANONYMOUS, "{ me { name } user(id: \"1\") { email } }");

        // me needs authentication; user selects only a field the caller may not see, so it goes too
        assertEquals(map("me", null, "user", null), response.body().get("data"));
        assertEquals(List.of(List.of("me"), List.of("user")), paths(response));
        assertEquals(List.of(), client.requests());
    }

    @Test
    void skipsTheSubgraphThatOnlyServesUnauthorizedFields() {
        GatewayResponse response = run(Caller.ANONYMOUS, "{ users { name drafts { id } } }");

        assertEquals(map("users", List.of(map("name", "Ada", "drafts", null), map("name", "Bob", "drafts", null))),
                response.body().get("data"));
        assertEquals(List.of(), client.requestsTo("posts"));
    }

    @Test
    void policiesAreDecidedByThePolicyEvaluatorOncePerRequest() {
        List<Set<String>> asked = new ArrayList<>();
        Gateway counting = Gateway.create(Fixtures.supergraph("authorization"), client, GatewayOptions.defaults(),
                (caller, policies) -> {
                    asked.add(policies);
                    return ROLES.satisfied(caller, policies);
                });
        Caller hr = new Caller(true, Set.of(), Map.of("roles", List.of("hr")));

        GatewayResponse response = run(counting, hr, "{ user(id: \"1\") { ssn drafts { id } } }");

        assertEquals(map("user", map("ssn", "111", "drafts", null)), response.body().get("data"));
        assertEquals(List.of(List.of("user", "drafts")), paths(response));
        assertEquals(List.of(Set.of("hr", "author")), asked);
    }

    @Test
    void aFragmentOnAUnionMemberTheCallerMayNotSeeIsRemoved() {
        String query = "{ search { __typename ... on User { name } ... on AuditLog { entry } } }";

        GatewayResponse anonymous = run(Caller.ANONYMOUS, query);
        assertEquals(map("search", List.of(map("__typename", "User", "name", "Ada"), map("__typename", "AuditLog", "entry", null))),
                anonymous.body().get("data"));
        assertEquals(List.of(List.of("search", 1, "entry")), paths(anonymous));

        GatewayResponse auditor = run(caller("audit"), query);
        assertEquals("Ada logged in", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) auditor.body().get("data")).get("search")).get(1)).get("entry"));
    }

    @Test
    void aRequirementOnAnObjectTypeAppliesToEveryFieldReturningIt() {
        GatewayResponse anonymous = run(Caller.ANONYMOUS, "{ auditLog { entry } status }");
        assertEquals(map("auditLog", null, "status", "ok"), anonymous.body().get("data"));
        assertEquals(List.of(List.of("auditLog")), paths(anonymous));

        GatewayResponse auditor = run(caller("audit"), "{ auditLog { entry } }");
        assertEquals(map("auditLog", List.of(map("entry", "Ada logged in"))), auditor.body().get("data"));
    }

    @Test
    void aNamedFragmentLosesWhatTheCallerMayNotSeeWhereverItIsSpread() {
        GatewayResponse response = run(Caller.ANONYMOUS,
                "{ users { name ...Contact } user(id: \"1\") { ...Contact } } fragment Contact on User { email }");

        // user selects nothing but the fragment, which has nothing left: user goes as a whole
        assertEquals(map("users", List.of(map("name", "Ada", "email", null), map("name", "Bob", "email", null)), "user", null),
                response.body().get("data"));
        assertEquals(List.of(List.of("users", 0, "email"), List.of("users", 1, "email"), List.of("user")), paths(response));
        assertEquals(1, client.requests().size());
    }

    @Test
    void requirementsOnScalarsAndEnumsApplyToEveryFieldReturningThem() {
        GatewayResponse anonymous = run(Caller.ANONYMOUS, "{ code level status }");
        assertEquals(map("code", null, "level", null, "status", "ok"), anonymous.body().get("data"));
        assertEquals(List.of(List.of("code"), List.of("level")), paths(anonymous));

        GatewayResponse allowed = run(new Caller(true, Set.of("levels"), Map.of()), "{ code level }");
        assertEquals(map("code", "s3cr3t", "level", "HIGH"), allowed.body().get("data"));
    }

    @Test
    void aFieldSelectedOnAnInterfaceNeedsWhatEveryImplementationNeeds() {
        // DraftPost.title needs authentication, so composition puts @authenticated on Post.title
        GatewayResponse onInterface = run(Caller.ANONYMOUS, "{ posts { id title } }");
        assertEquals(map("posts", List.of(map("id", "p1", "title", null), map("id", "d1", "title", null))),
                onInterface.body().get("data"));
        assertEquals(List.of(List.of("posts", 0, "title"), List.of("posts", 1, "title")), paths(onInterface));

        GatewayResponse onImplementations = run(Caller.ANONYMOUS,
                "{ posts { id ... on PublicPost { title } ... on DraftPost { title } } }");
        assertEquals(map("posts", List.of(map("id", "p1", "title", "Hello"), map("id", "d1", "title", null))),
                onImplementations.body().get("data"));
        assertEquals(List.of(List.of("posts", 1, "title")), paths(onImplementations));

        GatewayResponse authenticated = run(caller(), "{ posts { title } }");
        assertEquals(map("posts", List.of(map("title", "Hello"), map("title", "Plans"))), authenticated.body().get("data"));
    }

    @Test
    void aCachedPlanNeverServesAnotherCallersAuthorization() {
        String query = "query Users { users { name email } }";
        Caller admin = caller("admin");

        GatewayResponse first = run(admin, query);
        GatewayResponse anonymous = run(Caller.ANONYMOUS, query);
        GatewayResponse again = run(admin, query);

        assertEquals(map("users", List.of(map("name", "Ada", "email", "ada@example.org"), map("name", "Bob", "email", "bob@example.org"))),
                first.body().get("data"));
        assertEquals(map("users", List.of(map("name", "Ada", "email", null), map("name", "Bob", "email", null))),
                anonymous.body().get("data"));
        assertEquals(2, paths(anonymous).size());
        assertEquals(first.body(), again.body());
        List<SubgraphRequest> requests = client.requestsTo("accounts");
        assertTrue(requests.get(0).query().contains("email"));
        assertFalse(requests.get(1).query().contains("email"), requests.get(1).query());
        assertTrue(requests.get(2).query().contains("email"));
    }

    @Test
    void aMutationTheCallerMayNotRunIsRefusedAndNeverSent() {
        GatewayResponse anonymous = run(Caller.ANONYMOUS, "mutation { deleteUser(id: \"1\") }");

        assertEquals(map("deleteUser", null), anonymous.body().get("data"));
        assertEquals(List.of(List.of("deleteUser")), paths(anonymous));
        assertEquals(List.of(), client.requests());

        GatewayResponse admin = run(caller("admin"),
                "mutation { renameUser(id: \"1\", name: \"Ada L.\") { name } deleteUser(id: \"2\") }");
        assertEquals(map("renameUser", map("name", "Ada L."), "deleteUser", null), admin.body().get("data"));
        assertEquals(List.of(List.of("deleteUser")), paths(admin));
        assertEquals(List.of(), deletedUsers, "no write without users:write");

        run(caller("users:write"), "mutation { deleteUser(id: \"2\") }");
        assertEquals(List.of("2"), deletedUsers);
    }

    @Test
    void honoursDirectivesImportedUnderOtherNames() {
        // composed by @apollo/composition from subgraphs importing @requiresScopes as @scopes
        String supergraph = Fixtures.resource("../compose/access-directives/supergraph.graphql");
        Gateway renamed = Gateway.create(supergraph, client, GatewayOptions.defaults());

        GatewayResponse response = run(renamed, caller("a"), "{ t { id } }");

        assertEquals(map("t", null), response.body().get("data"), "t needs a and d, or b, c and d");
        assertEquals(List.of(List.of("t")), paths(response));
        assertFalse(renamed.apiSchemaSdl().contains("scopes"), renamed.apiSchemaSdl());
    }

    @Test
    void typenameAndIntrospectionStayOpenToEveryone() {
        GatewayResponse response = run(Caller.ANONYMOUS, "{ __typename __schema { queryType { name } } }");

        assertEquals(map("__typename", "Query", "__schema", map("queryType", map("name", "Query"))), response.body().get("data"));
        assertNull(response.body().get("errors"));
    }

    private GatewayResponse run(Caller caller, String query) {
        return run(gateway, caller, query);
    }

    private static GatewayResponse run(Gateway gateway, Caller caller, String query) {
        return gateway.execute(new GatewayRequest(query, null, Map.of(), Map.of(), caller)).await().atMost(Duration.ofSeconds(10));
    }

    private static Caller caller(String... scopes) {
        return new Caller(true, Set.of(scopes), Map.of());
    }

    private static List<Object> paths(GatewayResponse response) {
        List<Map<String, Object>> errors = errors(response);
        if (errors == null) {
            return List.of();
        }
        errors.forEach(error -> assertEquals(Map.of("code", UNAUTHORIZED), error.get("extensions"), error.toString()));
        return errors.stream().map(error -> error.get("path")).toList();
    }
}
