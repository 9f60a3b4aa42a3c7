package org.plenum.gateway.engine;

import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A union whose members, or an interface whose implementations, differ between the subgraphs that share the field
 * returning it: as Apollo's planner, the gateway selects the type conditions only of the types every subgraph that
 * could serve the position returns, and after an entity jump those of the subgraph jumped to.
 */
class PartialAbstractTypesTest {

    private static final String SELECTION =
            "actions { __typename ... on OnlyA { a } ... on OnlyB { b } ... on Common { c } }";

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("a", new FakeSubgraph(Fixtures.subgraphSdl("partial-union-shareable", "a"), Map.of(),
                    Map.of("rootA", Map.of("__typename", "Container", "id", "c1", "wrapper", Map.of("actions", List.of(
                                    Map.of("__typename", "OnlyA", "a", "only in a"),
                                    Map.of("__typename", "Common", "c", "common from a")))),
                            "box", Map.of("wrapper", Map.of("actions", List.of(
                                    Map.of("__typename", "OnlyA", "a", "boxed only in a")))),
                            "actions", List.of(Map.of("__typename", "OnlyA", "a", "root only in a"),
                                    Map.of("__typename", "Common", "c", "root common from a"))), Map.of()))
            .with("b", new FakeSubgraph(Fixtures.subgraphSdl("partial-union-shareable", "b"),
                    Map.of("Container", List.of(Map.of("__typename", "Container", "id", "c1", "extra", Map.of("actions", List.of(
                            Map.of("__typename", "OnlyB", "b", "extra only in b"),
                            Map.of("__typename", "Common", "c", "extra common from b")))))),
                    Map.of("rootB", Map.of("__typename", "Container", "id", "c2", "wrapper", Map.of("actions", List.of(
                            Map.of("__typename", "OnlyB", "b", "only in b"),
                            Map.of("__typename", "Common", "c", "common from b"))))), Map.of()));

    private final Gateway gateway = Fixtures.gateway("partial-union-shareable", client);

    @Test
    void selectsOnlyTheMembersBothSubgraphsHaveBelowASharedFieldReachedFromA() {
        GatewayResponse response = Fixtures.run(gateway, "{ rootA { wrapper { " + SELECTION + " } } }");

        assertEquals(Map.of("data", Map.of("rootA", Map.of("wrapper", Map.of("actions", List.of(
                withNull(Map.of("__typename", "OnlyA"), "a"),
                Map.of("__typename", "Common", "c", "common from a")))))), response.body());
        assertEquals(1, client.requests().size());
        assertFalse(client.requestsTo("a").get(0).query().contains("OnlyA"), client.requestsTo("a").get(0).query());
    }

    @Test
    void selectsOnlyTheMembersBothSubgraphsHaveBelowASharedFieldReachedFromB() {
        GatewayResponse response = Fixtures.run(gateway, "{ rootB { wrapper { " + SELECTION + " } } }");

        assertEquals(Map.of("data", Map.of("rootB", Map.of("wrapper", Map.of("actions", List.of(
                withNull(Map.of("__typename", "OnlyB"), "b"),
                Map.of("__typename", "Common", "c", "common from b")))))), response.body());
        assertEquals(1, client.requests().size());
    }

    @Test
    void selectsOnlyTheMembersBothSubgraphsHaveBelowASharedRootField() {
        GatewayResponse response = Fixtures.run(gateway, "{ " + SELECTION + " }");

        assertEquals(Map.of("data", Map.of("actions", List.of(withNull(Map.of("__typename", "OnlyA"), "a"),
                Map.of("__typename", "Common", "c", "root common from a")))), response.body());
    }

    @Test
    void selectsAllMembersOfTheOnlySubgraphThatCanServeTheField() {
        GatewayResponse response = Fixtures.run(gateway, "{ box { wrapper { " + SELECTION + " } } }");

        assertEquals(Map.of("data", Map.of("box", Map.of("wrapper", Map.of("actions", List.of(
                Map.of("__typename", "OnlyA", "a", "boxed only in a")))))), response.body());
    }

    @Test
    void selectsTheMembersOfTheSubgraphAnEntityJumpLeadsTo() {
        GatewayResponse response = Fixtures.run(gateway, "{ rootA { id extra { " + SELECTION + " } } }");

        assertEquals(Map.of("data", Map.of("rootA", Map.of("id", "c1", "extra", Map.of("actions", List.of(
                Map.of("__typename", "OnlyB", "b", "extra only in b"),
                Map.of("__typename", "Common", "c", "extra common from b")))))), response.body());
        assertEquals(List.of("a", "b"), client.requests().stream().map(SubgraphRequest::subgraph).toList());
    }

    private final FakeSubgraphClient interfaceClient = new FakeSubgraphClient()
            .with("a", new FakeSubgraph(Fixtures.subgraphSdl("partial-interface-shareable", "a"), Map.of(),
                    Map.of("rootA", Map.of("__typename", "Container", "id", "c1", "wrapper", Map.of("actions", List.of(
                                    Map.of("__typename", "OnlyA", "id", "x1", "a", "only in a"),
                                    Map.of("__typename", "Common", "id", "x2", "c", "common from a")))),
                            "box", Map.of("wrapper", Map.of("actions", List.of(
                                    Map.of("__typename", "OnlyA", "id", "x3", "a", "boxed only in a"))))), Map.of()))
            .with("b", new FakeSubgraph(Fixtures.subgraphSdl("partial-interface-shareable", "b"),
                    Map.of("Container", List.of(Map.of("__typename", "Container", "id", "c1", "extra", Map.of("actions", List.of(
                            Map.of("__typename", "OnlyB", "id", "x4", "b", "extra only in b")))))), Map.of(), Map.of()));

    private final Gateway interfaceGateway = Fixtures.gateway("partial-interface-shareable", interfaceClient);

    private static final String INTERFACE_SELECTION = "actions { id ... on OnlyA { a } ... on OnlyB { b } ... on Common { c } }";

    @Test
    void selectsOnlyTheInterfacesFieldsOfAnImplementationTheOtherSharingSubgraphLacks() {
        GatewayResponse response = Fixtures.run(interfaceGateway, "{ rootA { wrapper { " + INTERFACE_SELECTION + " } } }");

        assertEquals(Map.of("data", Map.of("rootA", Map.of("wrapper", Map.of("actions", List.of(
                withNull(Map.of("id", "x1"), "a"),
                Map.of("id", "x2", "c", "common from a")))))), response.body());
    }

    @Test
    void selectsAllOfAnImplementationOnlyTheServingSubgraphHas() {
        GatewayResponse box = Fixtures.run(interfaceGateway, "{ box { wrapper { " + INTERFACE_SELECTION + " } } }");
        GatewayResponse extra = Fixtures.run(interfaceGateway, "{ rootA { extra { " + INTERFACE_SELECTION + " } } }");

        assertEquals(Map.of("data", Map.of("box", Map.of("wrapper", Map.of("actions", List.of(
                Map.of("id", "x3", "a", "boxed only in a")))))), box.body());
        assertEquals(Map.of("data", Map.of("rootA", Map.of("extra", Map.of("actions", List.of(
                Map.of("id", "x4", "b", "extra only in b")))))), extra.body());
    }

    private static Map<String, Object> withNull(Map<String, Object> object, String field) {
        Map<String, Object> copy = new HashMap<>(object);
        copy.put(field, null);
        return copy;
    }
}
