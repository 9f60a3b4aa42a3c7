package org.plenum.topics.repository;

import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.QueryTimeoutException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;
import org.plenum.subgraph.protection.errors.Causes;
import org.plenum.subgraph.protection.errors.DatabaseFailures;
import org.plenum.subgraph.protection.errors.DatabaseTimeoutException;
import org.plenum.subgraph.protection.errors.ServiceUnavailableException;

import java.net.ConnectException;
import java.util.Optional;

/** PostgreSQL's failures, as the reactive client and Hibernate report them. */
@ApplicationScoped
public class PostgresFailures implements DatabaseFailures {

    /** query_canceled, which statement_timeout raises; Hibernate reports it as a query timeout. */
    private static final String QUERY_CANCELED = "57014";
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public Optional<RuntimeException> explain(Throwable failure) {
        // Hibernate reports it as JPA's query timeout for some queries, as its own (a JDBCException) for others
        if (Causes.any(failure, cause -> cause instanceof QueryTimeoutException
                || cause instanceof JDBCException jdbc && jdbc.getSQLException() != null
                && QUERY_CANCELED.equals(jdbc.getSQLState())
                || cause instanceof PgException pg && QUERY_CANCELED.equals(pg.getSqlState()))) {
            return Optional.of(new DatabaseTimeoutException("The database stopped this request's query after its time "
                    + "limit (statement_timeout); nothing was changed, ask for less", failure));
        }
        if (Causes.any(failure, ConnectException.class::isInstance)) {
            return Optional.of(new ServiceUnavailableException("The topics database is unavailable; nothing was changed, "
                    + "try again later", failure));
        }
        return Optional.empty();
    }

    /** A unique constraint refused a write: a concurrent request with the same key (or the same unique value) won. */
    public static boolean uniqueViolation(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                || cause instanceof ConstraintViolationException violation
                && (violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                || UNIQUE_VIOLATION.equals(violation.getSQLState())));
    }
}
