package dev.locus.demo;

import java.util.Optional;

/**
 * Where a demo chip is and how it answers, as the scenario changes it.
 *
 * @param place where the chip physically runs
 * @param proxy a relay every challenge goes through (a diverted server pretending to be elsewhere)
 * @param silent whether the chip stopped answering (in transit, switched off)
 * @param cloneAt a decoy holding a copy of the chip's key, answering from there
 */
record ChipState(Place place, Optional<Place> proxy, boolean silent, Optional<Place> cloneAt) {

    static ChipState at(Place place) {
        return new ChipState(place, Optional.empty(), false, Optional.empty());
    }

    ChipState movedTo(Place p) {
        return new ChipState(p, Optional.empty(), silent, cloneAt);
    }

    ChipState relayedThrough(Place p) {
        return new ChipState(place, Optional.of(p), silent, cloneAt);
    }

    ChipState silenced() {
        return new ChipState(place, proxy, true, cloneAt);
    }

    ChipState clonedAt(Place p) {
        return new ChipState(place, proxy, silent, Optional.of(p));
    }
}
