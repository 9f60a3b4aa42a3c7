package org.plenum.subgraph.protection.errors;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Expected failures (bad input, unknown ids, an unavailable dependency) already carry a message and a code for the
 * client. Database failures become TIMEOUT or SERVICE_UNAVAILABLE as the service's {@link DatabaseFailures} says.
 * Anything else is logged here with its stack trace and reaches the client as a short INTERNAL_SERVER_ERROR: never as
 * "System error", never with class names or hosts.
 */
@ReportsFailures
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FailureReporter {

    private static final Logger LOG = Logger.getLogger(FailureReporter.class);

    @Inject
    DatabaseFailures database;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @AroundInvoke
    Object report(InvocationContext context) throws Exception {
        String field = context.getMethod().getName();
        try {
            Object result = context.proceed();
            return result instanceof Uni<?> uni ? uni.onFailure().transform(failure -> explain(field, failure)) : result;
        } catch (RuntimeException failure) {
            throw explain(field, failure);
        }
    }

    private RuntimeException explain(String field, Throwable failure) {
        if (isAnswer(failure)) {
            return (RuntimeException) failure;
        }
        return database.explain(failure)
                .map(explained -> {
                    LOG.warnf("%s failed: %s (%s)", field, explained.getMessage(), failure);
                    return explained;
                })
                .orElseGet(() -> {
                    LOG.errorf(failure, "%s failed unexpectedly", field);
                    return new InternalErrorException(service + " failed unexpectedly; the details are in the service log",
                            failure);
                });
    }

    /** Failures whose message and code are meant for the client. */
    private static boolean isAnswer(Throwable failure) {
        return failure instanceof InvalidInputException || failure instanceof NotFoundException
                || failure instanceof ServiceUnavailableException || failure instanceof DatabaseTimeoutException
                || failure instanceof InternalErrorException;
    }
}
