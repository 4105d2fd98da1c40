package dev.locus.compliance.ownership;

import dev.locus.screening.ownership.Designation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** Which of some parties are on a list (from screening), for the ownership rules. */
@FunctionalInterface
public interface DesignationSource {
    /** No party is designated (before screening is wired in). */
    DesignationSource NONE = (c, parties) -> List.of();

    List<Designation> designationsOf(Connection c, Collection<String> partyIds) throws SQLException;
}
