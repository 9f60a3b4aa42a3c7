package org.plenum.subgraph.protection.security;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Methods whose {@link io.smallrye.graphql.api.federation.requiresscopes.RequiresScopes} is enforced here as well as
 * published in the SDL: one annotation says what the gateway checks and what this service checks itself.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ScopesChecked {
}
