package org.plenum.subgraph.protection.errors;

import java.util.function.Predicate;

/** Drivers and frameworks wrap the failure that matters: these look along the whole cause chain. */
public final class Causes {

    private Causes() {
    }

    /** Whether the failure or any of its causes matches. */
    public static boolean any(Throwable failure, Predicate<Throwable> matches) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (matches.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
