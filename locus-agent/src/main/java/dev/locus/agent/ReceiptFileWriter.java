package dev.locus.agent;

import dev.locus.protocol.receipt.ReceiptJsonLines;
import dev.locus.protocol.receipt.ReceiptRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends receipts to a JSON-lines file, one flushed line each. Thread-safe. */
public final class ReceiptFileWriter implements AutoCloseable {
    private final BufferedWriter out;

    public ReceiptFileWriter(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public synchronized void write(ReceiptRecord record) throws IOException {
        out.write(ReceiptJsonLines.toLine(record));
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
