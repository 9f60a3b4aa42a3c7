package org.plenum.topics.graphql;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.net.ConnectException;
import org.jboss.logging.Logger;
import org.plenum.topics.service.BadUserInputException;
import org.plenum.topics.service.InternalErrorException;
import org.plenum.topics.service.NotFoundException;
import org.plenum.topics.service.ServiceUnavailableException;

/**
 * Expected failures (bad input, unknown ids, an unavailable speakers-service) already carry a message and a
 * code for the client. Anything else is logged here with its stack trace and reaches the client as a clear
 * INTERNAL_SERVER_ERROR, or SERVICE_UNAVAILABLE when the database cannot be reached, never as "System error".
 */
@ReportsFailures
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FailureReporter {

    private static final Logger LOG = Logger.getLogger(FailureReporter.class);

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

    private static RuntimeException explain(String field, Throwable failure) {
        if (failure instanceof BadUserInputException || failure instanceof NotFoundException
                || failure instanceof ServiceUnavailableException || failure instanceof InternalErrorException) {
            return (RuntimeException) failure;
        }
        if (causedByConnectionFailure(failure)) {
            LOG.warnf("%s failed: the database is unreachable (%s)", field, failure.getMessage());
            return new ServiceUnavailableException("The topics database is unavailable; nothing was changed, "
                    + "try again later", failure);
        }
        LOG.errorf(failure, "%s failed unexpectedly", field);
        return new InternalErrorException("topics-service failed unexpectedly (" + failure.getClass().getSimpleName()
                + "); nothing was changed and the details are in the service log", failure);
    }

    private static boolean causedByConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
