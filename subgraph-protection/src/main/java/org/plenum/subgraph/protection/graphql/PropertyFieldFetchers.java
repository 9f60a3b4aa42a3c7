package org.plenum.subgraph.protection.graphql;

import graphql.schema.PropertyDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.spi.DataFetcherService;

import java.util.Set;

/**
 * Reads plain object fields (a property of the parent, nothing to convert) with graphql-java's
 * {@link PropertyDataFetcher} instead of SmallRye's field fetcher, which builds SmallRye's request context (the selected
 * fields included) again for every single value: about a tenth of a subgraph's CPU on answers with many values, for
 * nothing our plain fields use. Fields SmallRye transforms or adapts (formats, adapters, maps) keep SmallRye's fetcher.
 * SmallRye finds this service with the ServiceLoader and asks it before Quarkus' own.
 */
public class PropertyFieldFetchers implements DataFetcherService {

    /** Values graphql-java returns as they are for its built-in scalars. */
    private static final Set<String> PLAIN_SCALARS = Set.of(String.class.getName(), Integer.class.getName(),
            int.class.getName(), Boolean.class.getName(), boolean.class.getName(), Double.class.getName(),
            double.class.getName());

    /** SmallRye orders its services by ascending priority; Quarkus' own has 1. */
    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public PlugableDataFetcher getFieldDataFetcher(Field field, Type owner, Reference ownerReference) {
        if (!isPlain(field)) {
            return null; // SmallRye's own
        }
        PropertyDataFetcher<Object> property = PropertyDataFetcher.fetching(field.getPropertyName());
        return property::get;
    }

    static boolean isPlain(Field field) {
        Reference type = field.getReference();
        boolean plainType = switch (type.getType()) {
            case SCALAR -> PLAIN_SCALARS.contains(type.getClassName());
            case TYPE, INTERFACE, ENUM -> true;
            default -> false;
        };
        return plainType && field.getPropertyName() != null && isGetterOrNone(field)
                && !field.hasTransformation() && !field.isAdaptingTo() && !field.isAdaptingWith()
                && !type.isAdaptingTo() && !type.isAdaptingWith() && isPlain(field.getWrapper());
    }

    /** Read through a public field or its plain getter, as {@link PropertyDataFetcher} reads it too. */
    private static boolean isGetterOrNone(Field field) {
        String method = field.getMethodName();
        String property = field.getPropertyName();
        String capitalized = property.isEmpty() ? property : Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return method == null || method.equals("get" + capitalized) || method.equals("is" + capitalized);
    }

    /** No wrapper, or one list or array of plain values (maps and optionals are SmallRye's to convert). */
    private static boolean isPlain(Wrapper wrapper) {
        return wrapper == null || (wrapper.isCollection() || wrapper.isArray()) && wrapper.getWrapper() == null;
    }
}
