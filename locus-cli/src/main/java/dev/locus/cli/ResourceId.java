package dev.locus.cli;

import picocli.CommandLine.Parameters;

/** The numeric id of the case or finding a command is about (the ID column of its listing). */
final class ResourceId {
    @Parameters(index = "0", paramLabel = "ID", description = "its id: the ID column of 'locus ${PARENT-COMMAND-NAME}'")
    long id;

    /** {@code /api/v1/COLLECTION/ID}. */
    String path(String collection) {
        return "/api/v1/" + collection + "/" + id;
    }
}
