package org.plenum.gateway.client;

/**
 * Lets retries be at most a fraction of the calls made: every call adds {@code ratio} to a balance that each retry
 * spends 1 of. The balance starts at, and never exceeds, a small reserve, so the first retries after a quiet spell
 * pass, while a subgraph that fails for everyone gets at most (1 + ratio) times its callers' load.
 */
final class RetryBudget {

    static final double RESERVE = 10;

    private final double ratio;
    private double balance = RESERVE;

    RetryBudget(double ratio) {
        this.ratio = ratio;
    }

    synchronized void called() {
        balance = Math.min(RESERVE, balance + ratio);
    }

    /** @return whether a retry may be made now (and is paid for) */
    synchronized boolean spend() {
        if (balance < 1) {
            return false;
        }
        balance -= 1;
        return true;
    }
}
