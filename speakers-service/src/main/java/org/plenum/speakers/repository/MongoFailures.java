package org.plenum.speakers.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoWriteException;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.subgraph.protection.errors.DatabaseFailures;
import org.plenum.subgraph.protection.errors.DatabaseTimeoutException;
import org.plenum.subgraph.protection.errors.ServiceUnavailableException;

import java.util.Optional;

/** MongoDB's failures, as the driver reports them. */
@ApplicationScoped
public class MongoFailures implements DatabaseFailures {

    /** A timeout is the server stopping the operation past plenum.database.timeout (sent as maxTimeMS). */
    @Override
    public Optional<RuntimeException> explain(Throwable failure) {
        if (failure instanceof MongoOperationTimeoutException) {
            return Optional.of(new DatabaseTimeoutException(
                    "The speakers database stopped this request's query after its time limit; ask for less", failure));
        }
        if (failure instanceof MongoException) {
            return Optional.of(
                    new ServiceUnavailableException("The speakers database is unavailable, please retry later", failure));
        }
        return Optional.empty();
    }

    /** A unique index (the _id) refused an insert: another request or an earlier run wrote the document first. */
    public static boolean duplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
