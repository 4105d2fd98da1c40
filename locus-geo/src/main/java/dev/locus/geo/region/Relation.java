package dev.locus.geo.region;

import java.util.List;

/**
 * How a feasible region relates to a target set, each part proven or unknown.
 *
 * @param intersects whether the region and the target share a point ({@code NO} = proven disjoint)
 * @param contained whether the whole region lies in the target
 * @param cellsVisited how many S2 cells the decision examined (a measure of its difficulty)
 * @param restingOn operators whose discs ruled out the cells the search dropped, by share of area
 */
public record Relation(Tri intersects, Tri contained, int cellsVisited, List<OperatorShare> restingOn) {
    public Relation {
        restingOn = List.copyOf(restingOn);
    }

    /** A relation settled without a cell search. */
    public Relation(Tri intersects, Tri contained, int cellsVisited) {
        this(intersects, contained, cellsVisited, List.of());
    }
}
