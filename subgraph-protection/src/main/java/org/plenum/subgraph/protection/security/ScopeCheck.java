package org.plenum.subgraph.protection.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.federation.requiresscopes.RequiresScopes;
import io.smallrye.graphql.api.federation.requiresscopes.ScopeGroup;
import io.smallrye.graphql.api.federation.requiresscopes.ScopeItem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs a {@link RequiresScopes} method only for a caller whose verified bearer token grants the scopes (any one group,
 * all scopes of it), from the {@code scope} claim (space-separated) and the {@code scp} array. No token or an invalid
 * one: {@link NotAuthenticatedException}; too few scopes: {@link MissingScopeException}. Either way the method never
 * runs, so nothing is written.
 */
@ScopesChecked
@Interceptor
@Priority(Interceptor.Priority.APPLICATION - 100) // outside the failure reporting: these errors are answers
public class ScopeCheck {

    private final CurrentIdentityAssociation identities;

    public ScopeCheck(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        RequiresScopes required = context.getMethod().getAnnotation(RequiresScopes.class);
        if (required == null) {
            return context.proceed(); // a public read
        }
        return identities.getDeferredIdentity()
                .onFailure().transform(failure -> new NotAuthenticatedException("The bearer token was not accepted"))
                .flatMap(identity -> {
                    requireScopes(identity, required.scopes());
                    return proceed(context);
                });
    }

    private static void requireScopes(SecurityIdentity identity, ScopeGroup[] anyOf) {
        String needed = String.join(" or ", Arrays.stream(anyOf)
                .map(group -> String.join(" and ", Arrays.stream(group.value()).map(ScopeItem::value).toList()))
                .toList());
        if (identity.isAnonymous()) {
            throw new NotAuthenticatedException("A bearer token with the scope " + needed + " is required");
        }
        Set<String> granted = granted(identity);
        boolean allowed = Arrays.stream(anyOf).anyMatch(group ->
                Arrays.stream(group.value()).map(ScopeItem::value).allMatch(granted::contains));
        if (!allowed) {
            throw new MissingScopeException("The bearer token lacks the scope " + needed);
        }
    }

    private static Set<String> granted(SecurityIdentity identity) {
        Set<String> scopes = new HashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : new String[] { "scope", "scp" }) {
                Object value = token.getClaim(claim);
                if (value instanceof Collection<?> list) {
                    list.forEach(item -> scopes.add(text(item)));
                } else if (value != null) {
                    scopes.addAll(Arrays.asList(text(value).trim().split("\\s+")));
                }
            }
        }
        return scopes;
    }

    private static String text(Object claimValue) {
        return claimValue instanceof JsonString json ? json.getString() : claimValue.toString();
    }

    private static Uni<?> proceed(InvocationContext context) {
        try {
            return (Uni<?>) context.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
