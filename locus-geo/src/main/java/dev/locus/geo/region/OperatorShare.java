package dev.locus.geo.region;

/**
 * An operator a proof rests on: the share (0..1) of the area of the cells the proof ruled out that
 * this operator's discs exclude. Every ruled-out cell is excluded by more than {@code F}
 * operators, so removing an operator with a large share reopens much of the proof.
 *
 * @param operator the trust domain (a landmark's operator)
 * @param share fraction of the ruled-out area, in (0, 1]
 */
public record OperatorShare(String operator, double share) {}
