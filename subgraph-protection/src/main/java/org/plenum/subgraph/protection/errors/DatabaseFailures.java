package org.plenum.subgraph.protection.errors;

import java.util.Optional;

/**
 * What a subgraph's database failures mean to its clients; each service implements it for its driver, and
 * {@link FailureReporter} asks it about every failure that is not already an answer.
 */
public interface DatabaseFailures {

    /**
     * The error for the client when the failure is the database's: {@link DatabaseTimeoutException} when it stopped
     * work past its time limit, {@link ServiceUnavailableException} when it could not be reached; otherwise empty.
     */
    Optional<RuntimeException> explain(Throwable failure);
}
