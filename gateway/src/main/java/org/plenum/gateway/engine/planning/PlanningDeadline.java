package org.plenum.gateway.engine.planning;

import java.time.Duration;

/**
 * When one planning must give up. The gateway stops waiting for a plan after its preparation timeout; without a
 * deadline of its own, a plan that hostile input made expensive would go on occupying a preparation thread.
 */
final class PlanningDeadline {

    private final long deadline;
    private final boolean limited;

    private PlanningDeadline(long deadline, boolean limited) {
        this.deadline = deadline;
        this.limited = limited;
    }

    /** @param budget how long the planning may take from now; zero or less means no limit */
    static PlanningDeadline after(Duration budget) {
        boolean limited = budget != null && !budget.isNegative() && !budget.isZero();
        return new PlanningDeadline(limited ? System.nanoTime() + budget.toNanos() : 0, limited);
    }

    /** @throws PlanningTimeoutException once the deadline has passed */
    void check() {
        if (limited && System.nanoTime() - deadline > 0) {
            throw new PlanningTimeoutException();
        }
    }
}
