package org.milkmobs.domain.validation;

/**
 * One line of a decision's breakdown: the signal's score (null when absent), its configured weight, the
 * weight it got after re-weighting (0 when absent), and what it added to the total.
 */
public record SignalResult(Signal signal, Double score, double weight, double effectiveWeight, double contribution) {

    public boolean present() {
        return score != null;
    }
}
