package org.plenum.gateway.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryBudgetTest {

    @Test
    void retriesAreAtMostTheRatioOfCallsBeyondTheReserve() {
        RetryBudget budget = new RetryBudget(0.2);
        int retried = 0;
        for (int call = 0; call < 1000; call++) {
            budget.called();
            while (budget.spend()) { // every call fails and would be retried for ever
                retried++;
            }
        }
        assertEquals(200 + (int) RetryBudget.RESERVE, retried, 1.0);
    }

    @Test
    void aBudgetOfZeroAllowsOnlyTheReserve() {
        RetryBudget budget = new RetryBudget(0);
        int retried = 0;
        for (int call = 0; call < 100; call++) {
            budget.called();
            if (budget.spend()) {
                retried++;
            }
        }
        assertEquals((int) RetryBudget.RESERVE, retried);
    }
}
