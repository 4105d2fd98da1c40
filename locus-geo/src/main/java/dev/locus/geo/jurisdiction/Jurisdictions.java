package dev.locus.geo.jurisdiction;

import com.google.common.geometry.S2Polygon;
import dev.locus.geo.GeoException;
import dev.locus.geo.position.GeoPosition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jurisdictions known to Locus, looked up by ISO 3166-1 alpha-2 code. Unions of several
 * jurisdictions (a restricted set, a licensed set of countries) are built once and cached.
 * Thread-safe.
 */
public final class Jurisdictions {

    private final Map<String, Jurisdiction> byCode;
    private final Map<Set<String>, S2Polygon> unions = new ConcurrentHashMap<>();

    private Jurisdictions(Map<String, Jurisdiction> byCode) {
        this.byCode = byCode;
    }

    /** From a list of jurisdictions; throws when a code repeats. */
    public static Jurisdictions of(Collection<Jurisdiction> jurisdictions) {
        Map<String, Jurisdiction> map = new LinkedHashMap<>();
        for (Jurisdiction j : jurisdictions) {
            if (map.putIfAbsent(j.code(), j) != null) {
                throw new GeoException("jurisdiction " + j.code() + " is listed twice");
            }
        }
        return new Jurisdictions(Map.copyOf(map));
    }

    public Optional<Jurisdiction> find(String code) {
        return Optional.ofNullable(byCode.get(Jurisdiction.validateCode(code)));
    }

    /** The jurisdiction with that code; throws {@link GeoException} naming the code when unknown. */
    public Jurisdiction get(String code) {
        return find(code)
                .orElseThrow(() -> new GeoException("unknown jurisdiction code '" + code
                        + "' (expected an ISO 3166-1 alpha-2 code present in the boundary data)"));
    }

    public Set<String> codes() {
        return new TreeSet<>(byCode.keySet());
    }

    /** The jurisdiction containing the position, if any (points at sea have none). */
    public Optional<Jurisdiction> at(GeoPosition position) {
        var point = position.toS2Point();
        for (Jurisdiction j : byCode.values()) {
            if (j.polygon().getRectBound().contains(point) && j.polygon().contains(point)) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    /** The union of the named jurisdictions as one polygon (cached per set of codes). */
    public S2Polygon union(Set<String> codes) {
        if (codes.isEmpty()) {
            throw new GeoException("a set of jurisdictions must name at least one code");
        }
        Set<String> key = new TreeSet<>();
        for (String c : codes) {
            key.add(get(c).code());
        }
        return unions.computeIfAbsent(Set.copyOf(key), k -> {
            List<S2Polygon> parts = new ArrayList<>();
            for (String c : key) {
                parts.add(get(c).polygon());
            }
            S2Polygon acc = parts.get(0);
            for (int i = 1; i < parts.size(); i++) {
                S2Polygon u = new S2Polygon();
                u.initToUnion(acc, parts.get(i));
                acc = u;
            }
            return acc;
        });
    }
}
