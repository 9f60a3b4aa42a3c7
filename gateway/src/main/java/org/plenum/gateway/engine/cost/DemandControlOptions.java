package org.plenum.gateway.engine.cost;

/**
 * Demand-control settings (Apollo's static estimated strategy).
 *
 * @param mode     enforce: refuse operations estimated above {@code maxCost}; measure: estimate and measure, never
 *                 refuse; off: neither
 * @param maxCost  the most an operation may be estimated to cost
 * @param listSize how many items a list is assumed to hold when neither a slicing argument nor {@code @listSize} says
 */
public record DemandControlOptions(Mode mode, long maxCost, int listSize) {

    public enum Mode { ENFORCE, MEASURE, OFF }

    /** The defaults of {@code plenum.gateway.demand-control.*}. */
    public static DemandControlOptions defaults() {
        return new DemandControlOptions(Mode.ENFORCE, 50_000, 10);
    }
}
