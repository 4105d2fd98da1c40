package dev.locus.geo.verdict;

import dev.locus.geo.region.OperatorShare;
import java.util.List;

/**
 * What one proven verdict rests on when it tolerates {@code F} liars: every counter-example point
 * (a place where the verdict would be false) is excluded by the discs of at least {@code
 * excludingOperators = F + 1} independent operators, so removing any {@code F} operators leaves it
 * proven and removing {@code F + 1} well-chosen ones may not. {@code restsOn} names the operators
 * whose removal comes closest to breaking it: by the share of the ruled-out area their discs
 * exclude (largest first, at most five).
 *
 * @param verdict the proven verdict
 * @param excludingOperators the minimum number of operators excluding every counter-example (F + 1)
 * @param restsOn the operators the proof leans on most
 */
public record Reliance(Verdict verdict, int excludingOperators, List<OperatorShare> restsOn) {
    public Reliance {
        restsOn = List.copyOf(restsOn);
    }
}
