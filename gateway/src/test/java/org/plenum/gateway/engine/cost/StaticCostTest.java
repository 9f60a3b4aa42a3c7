package org.plenum.gateway.engine.cost;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Estimated costs over the {@code demand-control} fixture, computed by hand from Apollo's rules: objects weigh 1,
 * scalars and enums 0 unless @cost says otherwise; lists multiply by the slicing argument, @listSize or the
 * default list size (10 here); a mutation adds 10.
 */
class StaticCostTest {

    private static final CostFixture FIXTURE = CostFixture.of("demand-control");

    private final DemandControl demandControl = demandControl(10);

    private static DemandControl demandControl(int listSize) {
        return FIXTURE.demandControl(new DemandControlOptions(DemandControlOptions.Mode.ENFORCE, 1000, listSize));
    }

    private double estimate(String query) {
        return estimate(query, Map.of());
    }

    private double estimate(String query, Map<String, Object> variables) {
        return FIXTURE.estimate(demandControl, query, variables);
    }

    @Test
    void listsMultiplyByALiteralOrVariableSlicingArgument() {
        assertEquals(5, estimate("{ products(first: 5) { id name } }"));
        assertEquals(7, estimate("query($n: Int) { products(first: $n) { id } }", Map.of("n", 7)));
        assertEquals(2, estimate("query($n: Int) { products(last: $n) { id } }", Map.of("n", 2)));
    }

    @Test
    void requireOneSlicingArgumentRefusesNoneOrSeveral() {
        CostEstimateException none = assertThrows(CostEstimateException.class, () -> estimate("{ products { id } }"));
        assertTrue(none.getMessage().contains("Query.products"), none.getMessage());
        assertThrows(CostEstimateException.class, () -> estimate("{ products(first: 1, last: 2) { id } }"));
        assertThrows(CostEstimateException.class, () -> estimate("query($n: Int) { products(first: $n) { id } }", Map.of()));
    }

    @Test
    void withoutRequireOneSlicingArgumentTheLargestSliceOrTheDefaultListSizeCounts() {
        assertEquals(3, estimate("{ productsEither(first: 2, last: 3) { id } }"));
        assertEquals(10, estimate("{ productsEither { id } }"));
    }

    @Test
    void sizedFieldsTakeTheConnectionsSlicingArgumentOrItsDefaultValue() {
        // catalog 1 + edges 4 x (edge 1 + node 1)
        assertEquals(9, estimate("{ catalog(first: 4) { edges { node { id } } } }"));
        // first defaults to 5 in the schema
        assertEquals(11, estimate("{ catalog { edges { node { id } } } }"));
    }

    @Test
    void assumedSizeElseTheConfiguredDefaultListSize() {
        assertEquals(3, estimate("{ featured { id } }"));
        assertEquals(10, estimate("{ unsized { id } }"));
        assertEquals(2, FIXTURE.estimate(demandControl(2), "{ unsized { id } }", Map.of()));
    }

    @Test
    void nestedListsMultiply() {
        // 3 featured x (1 + 4 reviews x 3)
        assertEquals(39, estimate("{ featured { reviews { stars } } }"));
        // 10 x (1 + 4 x 3)
        assertEquals(130, estimate("{ unsized { reviews { stars } } }"));
    }

    @Test
    void costOnTypesFieldsAndArguments() {
        // 3 x (Product 1 + Money 2 + 10 tags x Tag 1 + 4 reviews x Review 3); stock has @cost 5 in the other subgraph
        assertEquals(75, estimate("{ featured { price tags reviews { stars } } }"));
        assertEquals(18, estimate("{ featured { stock } }"));
        // the field's @cost replaces the type's weight
        assertEquals(50, estimate("{ report { rows } }"));
        // an argument's @cost counts once, when the argument is given
        assertEquals(22, estimate("{ search(term: \"x\") { title } }"));
        assertEquals(2, estimate("{ search { title } }"));
        // an input field's @cost counts when the value sets it
        assertEquals(8, estimate("{ filtered(filter: {expensive: true}) { id } }"));
        assertEquals(1, estimate("{ filtered(filter: {tag: NEW}) { id } }"));
    }

    @Test
    void abstractTypesCostTheirMostExpensivePossibleType() {
        // Movie: 1 + 10 cast x 1 = 11, Book: 1; 2 results x 11 + term 20
        assertEquals(42, estimate("{ search(term: \"x\") { title ... on Movie { cast { name } } ... on Book { pages } } }"));
        assertEquals(42, estimate("query { search(term: \"x\") { ...M ...B } } fragment M on Movie { cast { name } } fragment B on Book { pages }"));
        assertEquals(2, estimate("{ search { ... on Book { pages } } }"));
    }

    @Test
    void fragmentsCountAsTheFieldsTheyAddAndMergeWithTheirSiblings() {
        String named = "{ featured { ...P reviews { stars } } } fragment P on Product { reviews { stars } price }";
        // reviews selected twice is one field: 3 x (1 + 12 + 2)
        assertEquals(45, estimate(named));
        assertEquals(45, estimate("{ featured { ... on Product { reviews { stars } price } reviews { stars } } }"));
    }

    @Test
    void mutationsAddTen() {
        assertEquals(11, estimate("mutation { addProduct(name: \"x\") { id } }"));
    }

    @Test
    void skipAndIncludeFollowTheVariables() {
        String query = "query($with: Boolean!) { featured { id reviews @include(if: $with) { stars } price @skip(if: $with) } }";
        assertEquals(39, estimate(query, Map.of("with", true)));
        assertEquals(9, estimate(query, Map.of("with", false)));
    }

    @Test
    void exponentiallyExpandingFragmentsAreCostedInLinearTime() {
        // each fragment spreads the next twice: 2^40 fields if expanded
        StringBuilder query = new StringBuilder("{ featured { ...F0 } }");
        for (int i = 0; i < 40; i++) {
            query.append(" fragment F").append(i).append(" on Product { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        query.append(" fragment F40 on Product { reviews { stars } }");
        CostFixture.Operation operation = FIXTURE.unvalidated(query.toString(), Map.of());

        double cost = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                demandControl.estimate(operation.definition(), operation.fragments(), operation.variables()).estimated());

        assertEquals(39, cost);
    }

    @Test
    void offModeEstimatesNothing() {
        DemandControl off = FIXTURE.demandControl(new DemandControlOptions(DemandControlOptions.Mode.OFF, 1, 10));
        CostFixture.Operation operation = FIXTURE.operation("{ unsized { id } }", Map.of());
        assertNull(off.estimate(operation.definition(), operation.fragments(), operation.variables()));
    }
}
