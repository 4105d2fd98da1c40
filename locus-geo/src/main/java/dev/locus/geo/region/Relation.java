package dev.locus.geo.region;

/**
 * How a feasible region relates to a target set, each part proven or unknown.
 *
 * @param intersects whether the region and the target share a point ({@code NO} = proven disjoint)
 * @param contained whether the whole region lies in the target
 * @param cellsVisited how many S2 cells the decision examined (a measure of its difficulty)
 */
public record Relation(Tri intersects, Tri contained, int cellsVisited) {}
