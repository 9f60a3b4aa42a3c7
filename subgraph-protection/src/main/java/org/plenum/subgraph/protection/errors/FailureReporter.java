package org.plenum.topics.graphql;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.persistence.QueryTimeoutException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.jboss.logging.Logger;
import org.plenum.topics.service.BadUserInputException;
import org.plenum.topics.service.InternalErrorException;
import org.plenum.topics.service.NotFoundException;
import org.plenum.topics.service.ServiceUnavailableException;
import org.plenum.topics.service.TimeoutException;

/**
 * Expected failures (bad input, unknown ids, an unavailable speakers-service) already carry a message and a
 * code for the client. Anything else is logged here with its stack trace and reaches the client as a short
 * INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE when the database cannot be reached, or TIMEOUT when PostgreSQL
 * cancelled a statement past statement_timeout: never as "System error", never with class names or hosts.
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
                || failure instanceof ServiceUnavailableException || failure instanceof InternalErrorException
                || failure instanceof TimeoutException) {
            return (RuntimeException) failure;
        }
        if (causedByStatementTimeout(failure)) {
            LOG.warnf("%s: the database cancelled a statement past its time limit", field);
            return new TimeoutException("The database stopped this request's query after its time limit "
                    + "(statement_timeout); nothing was changed, ask for less", failure);
        }
        if (causedByConnectionFailure(failure)) {
            LOG.warnf("%s failed: the database is unreachable (%s)", field, failure.getMessage());
            return new ServiceUnavailableException("The topics database is unavailable; nothing was changed, "
                    + "try again later", failure);
        }
        LOG.errorf(failure, "%s failed unexpectedly", field);
        return new InternalErrorException("topics-service failed unexpectedly; nothing was changed and the details "
                + "are in the service log", failure);
    }

    /** PostgreSQL's query_canceled (57014), which statement_timeout raises; Hibernate reports it as a query timeout. */
    private static boolean causedByStatementTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryTimeoutException
                    || cause instanceof PgException pg && "57014".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
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
