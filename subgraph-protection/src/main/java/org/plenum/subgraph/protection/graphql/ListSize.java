package org.plenum.subgraph.protection.graphql;

import io.smallrye.graphql.api.Directive;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static io.smallrye.graphql.api.DirectiveLocation.FIELD_DEFINITION;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Federation 2.9's {@code @listSize} (demand control), which SmallRye GraphQL does not ship: which arguments give
 * a list field's size, for gateways that estimate an operation's cost before running it. Each subgraph imports it
 * through its schema's federation {@code @Link}. {@code assumedSize} is left out: SmallRye makes an {@code int}
 * member non-null or gives it a default, and composition accepts neither for this directive (it accepts a
 * definition without the argument); lists without a slicing argument take the gateway's default size.
 */
@Directive(on = FIELD_DEFINITION)
@Retention(RUNTIME)
@Target({METHOD, FIELD})
@Description("How a list field's size is given, for demand control (https://specs.apollo.dev/cost/v0.1)")
public @interface ListSize {

    /** Arguments whose value is the list's size (e.g. first). */
    java.lang.@NonNull String[] slicingArguments() default {};

    /** Fields of the returned object whose lists the slicing arguments size (e.g. edges of a connection). */
    java.lang.@NonNull String[] sizedFields() default {};

    @DefaultValue("true")
    boolean requireOneSlicingArgument() default true;
}
