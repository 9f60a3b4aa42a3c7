package org.plenum.subgraph.protection.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Transformation;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which fields graphql-java reads for SmallRye, and that it reads them as SmallRye would. */
class PropertyFieldFetchersTest {

    /** A parent object as our subgraphs' models are: public fields, and a getter for another property. */
    public static final class Parent {
        public final String title = "Trade";
        public final List<String> keywords = List.of("ports", "rail");

        public int getCount() {
            return 3;
        }
    }

    private final PropertyFieldFetchers fetchers = new PropertyFieldFetchers();

    @Test
    void plainFieldsListsAndGettersAreReadByGraphqlJava() throws Exception {
        assertEquals("Trade", read(field(null, "title", scalar(String.class)), new Parent()));
        Field keywords = field(null, "keywords", scalar(String.class));
        keywords.setWrapper(new Wrapper(WrapperType.COLLECTION, List.class.getName()));
        assertEquals(List.of("ports", "rail"), read(keywords, new Parent()));
        assertEquals(3, read(field("getCount", "count", scalar(Integer.class)), new Parent()));
    }

    @Test
    void fieldsSmallRyeConvertsStaySmallRyes() {
        Field formatted = field(null, "title", scalar(String.class));
        formatted.setTransformation(new Transformation(Transformation.Type.NUMBER, "#.00", null, false));
        assertNull(fetchers.getFieldDataFetcher(formatted, null, null));

        Field map = field(null, "byName", scalar(String.class));
        map.setWrapper(new Wrapper(WrapperType.MAP, Map.class.getName()));
        assertNull(fetchers.getFieldDataFetcher(map, null, null));

        assertNull(fetchers.getFieldDataFetcher(field(null, "when", scalar(java.time.LocalDate.class)), null, null));
        assertNull(fetchers.getFieldDataFetcher(field("computeTitle", "title", scalar(String.class)), null, null));
    }

    private Object read(Field field, Object source) throws Exception {
        DataFetcher<?> fetcher = fetchers.getFieldDataFetcher(field, null, null);
        assertNotNull(fetcher, field.getPropertyName() + " should be read by graphql-java");
        return fetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(source).build());
    }

    private static Field field(String method, String property, Reference type) {
        return new Field(method, property, property, type);
    }

    private static Reference scalar(Class<?> type) {
        Reference reference = new Reference();
        reference.setClassName(type.getName());
        reference.setName(type.getSimpleName());
        reference.setType(ReferenceType.SCALAR);
        return reference;
    }
}
