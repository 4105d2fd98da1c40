package dev.locus.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.Fixtures;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.RejectReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptJsonLinesTest {
    private final Fixtures f = new Fixtures(4);

    @Test
    void line_roundTrips_andShowsReadableFields() {
        ReceiptRecord rec = f.receipt(List.of(1_200_000L, 1_100_000L), Fixtures.NOW);
        String line = ReceiptJsonLines.toLine(rec);
        assertThat(line)
                .contains("\"landmarkId\":\"sg1\"", "\"minRttNanos\":1100000", "\"deviceSerial\":\"1650923000001\"");
        Decoded<ReceiptRecord> back = ReceiptJsonLines.parseLine(line);
        assertThat(((Decoded.Accepted<ReceiptRecord>) back).value().receipt()).isEqualTo(rec.receipt());
    }

    @Test
    void editedReadableField_isRefused_namingTheField() {
        String line = ReceiptJsonLines.toLine(f.receipt(List.of(1_200_000L), Fixtures.NOW));
        String edited = line.replace("\"minRttNanos\":1200000", "\"minRttNanos\":200000");
        Decoded.Rejected<ReceiptRecord> r = (Decoded.Rejected<ReceiptRecord>) ReceiptJsonLines.parseLine(edited);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_RECEIPT);
        assertThat(r.detail()).contains("minRttNanos").contains("200000").contains("1200000");
    }

    @Test
    void notJson_orMissingFields_isMalformed() {
        assertThat(((Decoded.Rejected<ReceiptRecord>) ReceiptJsonLines.parseLine("{oops")).reason())
                .isEqualTo(RejectReason.MALFORMED);
        Decoded.Rejected<ReceiptRecord> r = (Decoded.Rejected<ReceiptRecord>) ReceiptJsonLines.parseLine("{}");
        assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(r.detail()).contains("signedReceipt");
    }
}
