package dev.locus.geo.region;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2Region;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Exact, sound answers about a {@link FeasibleRegion} by branch and bound over S2 cells.
 *
 * <p>A cell is dropped when some disc cannot meet it; it is <em>inside</em> the region when every
 * disc contains it. A target (jurisdiction, licensed zone) answers {@code mayIntersect} and {@code
 * contains} for a cell. A question is settled YES or NO only by a witness cell (inside the region
 * and inside, or outside, the target) or by exhausting every cell that could hold a
 * counter-example; cells still undecided at {@link Limits#maxLevel()} or past {@link
 * Limits#maxCells()} make the answer {@link Tri#UNKNOWN}. No approximation ever turns into a
 * proof. Cells are visited breadth first, so witnesses are found at the coarsest level.
 *
 * <p>Stateless and thread-safe.
 */
public final class RegionRelations {

    /**
     * Resolution limits of the search.
     *
     * @param maxLevel deepest S2 level examined (level 24 cells are about 0.6 m across)
     * @param maxCells most cells examined per question
     */
    public record Limits(int maxLevel, int maxCells) {
        public static final Limits DEFAULT = new Limits(24, 40_000);

        public Limits {
            if (maxLevel < 0 || maxLevel > 30) {
                throw new IllegalArgumentException("maxLevel must be in [0, 30], got " + maxLevel);
            }
            if (maxCells < 6) {
                throw new IllegalArgumentException("maxCells must be >= 6, got " + maxCells);
            }
        }
    }

    private RegionRelations() {}

    /** Whether the region holds at least one point. */
    public static Tri nonEmpty(FeasibleRegion region, Limits limits) {
        if (region.provenEmptyByPair()) {
            return Tri.NO;
        }
        return search(region, null, false, false, true, limits).nonEmpty;
    }

    /**
     * Whether the region holds at least one point, with the operators whose discs rule out the
     * cells the search dropped (the proof of emptiness when the answer is NO).
     */
    public static Relation nonEmptyRelation(FeasibleRegion region, Limits limits) {
        if (region.provenEmptyByPair()) {
            return new Relation(Tri.NO, Tri.UNKNOWN, 0);
        }
        Outcome o = search(region, null, false, false, true, limits);
        return new Relation(o.nonEmpty, Tri.UNKNOWN, o.cellsVisited, o.restingOn);
    }

    /**
     * How the region relates to the target. Answers only the parts asked (others come back
     * UNKNOWN); the answers assume the region is non-empty (check {@link #nonEmpty} first: an
     * empty region is vacuously disjoint from and contained in everything).
     */
    public static Relation relate(
            FeasibleRegion region, S2Region target, boolean askIntersects, boolean askContained, Limits limits) {
        Outcome o = search(region, target, askIntersects, askContained, false, limits);
        return new Relation(
                askIntersects ? o.intersects : Tri.UNKNOWN,
                askContained ? o.contained : Tri.UNKNOWN,
                o.cellsVisited,
                o.restingOn);
    }

    private record Node(S2Cell cell, int[] active, int[] excluding) {}

    private record Outcome(
            Tri nonEmpty, Tri intersects, Tri contained, int cellsVisited, List<OperatorShare> restingOn) {}

    private static Outcome search(
            FeasibleRegion region, S2Region target, boolean askI, boolean askC, boolean askN, Limits limits) {
        int capCount = region.capCount();
        int[] all = Cells.allIndices(capCount);
        ArrayDeque<Node> queue = new ArrayDeque<>();
        for (int face = 0; face < 6; face++) {
            queue.add(new Node(S2Cell.fromFace(face), all, CellClassifier.NONE));
        }
        CellClassifier classifier = new CellClassifier(region);
        double[] droppedArea = new double[region.operatorCount()];
        double droppedTotal = 0;
        boolean witnessIn = false, witnessOut = false, witnessRegion = false;
        boolean unresolvedI = false, unresolvedC = false, unresolvedN = false;
        int visited = 0;
        while (!queue.isEmpty()) {
            if (visited >= limits.maxCells()) {
                // Cells left unexamined may hold a counter-example to any open question.
                unresolvedI |= askI && !witnessIn;
                unresolvedC |= askC && !witnessOut;
                unresolvedN |= askN && !witnessRegion;
                break;
            }
            Node node = queue.poll();
            S2Cell cell = node.cell();
            visited++;
            if (!classifier.classify(cell, node.active(), node.excluding())) {
                double area = S2Cell.averageArea(cell.level());
                droppedTotal += area;
                for (int k = 0; k < classifier.excludingCount; k++) {
                    droppedArea[classifier.excluding[k]] += area;
                }
                continue;
            }
            boolean inRegion = classifier.inside;
            boolean targetMay = target == null || target.mayIntersect(cell);
            boolean targetIn = target == null || (targetMay && target.contains(cell));
            if (inRegion) {
                witnessRegion = true;
                witnessIn |= targetIn;
                witnessOut |= !targetMay;
            }
            boolean openI = askI && !witnessIn;
            boolean openC = askC && !witnessOut;
            boolean openN = askN && !witnessRegion;
            if (!openI && !openC && !openN) {
                break;
            }
            boolean relevantI = openI && targetMay;
            boolean relevantC = openC && !targetIn;
            boolean relevantN = openN && !inRegion;
            if (!relevantI && !relevantC && !relevantN) {
                continue;
            }
            if (cell.level() < limits.maxLevel()) {
                int[] childActive = classifier.activeCopy();
                int[] childExcluding = classifier.excludingCopy();
                for (S2Cell child : Cells.children(cell)) {
                    queue.add(new Node(child, childActive, childExcluding));
                }
            } else {
                unresolvedI |= relevantI;
                unresolvedC |= relevantC;
                unresolvedN |= relevantN;
            }
        }
        Tri nonEmpty = witnessRegion ? Tri.YES : unresolvedN ? Tri.UNKNOWN : Tri.NO;
        Tri intersects = witnessIn ? Tri.YES : unresolvedI ? Tri.UNKNOWN : Tri.NO;
        Tri contained = witnessOut ? Tri.NO : unresolvedC ? Tri.UNKNOWN : Tri.YES;
        return new Outcome(nonEmpty, intersects, contained, visited, shares(region, droppedArea, droppedTotal));
    }

    /** Operators by the share of the dropped cells' area that their discs exclude, largest first. */
    private static List<OperatorShare> shares(FeasibleRegion region, double[] area, double total) {
        List<OperatorShare> out = new ArrayList<>();
        if (total <= 0) {
            return out;
        }
        for (int op = 0; op < area.length; op++) {
            if (area[op] > 0) {
                out.add(new OperatorShare(region.operatorName(op), area[op] / total));
            }
        }
        out.sort(Comparator.comparingDouble(OperatorShare::share).reversed().thenComparing(OperatorShare::operator));
        return out;
    }
}
