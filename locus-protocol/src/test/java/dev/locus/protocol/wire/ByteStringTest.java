package dev.locus.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteStringTest {
    @Test
    void copiesInAndOut_andIsEqualByContent() {
        byte[] in = {1, 2, 3};
        ByteString b = ByteString.copyOf(in);
        in[0] = 9;
        b.toArray()[1] = 9;
        assertThat(b.toArray()).containsExactly(1, 2, 3);
        ByteString same = ByteString.copyOf(new byte[] {1, 2, 3});
        assertThat(b).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(b).isNotEqualTo(ByteString.copyOf(new byte[] {1, 2}));
    }

    @Test
    void toString_givesOnlyTheLength() {
        assertThat(ByteString.copyOf(new byte[] {0x41, 0x42})).hasToString("2 bytes");
    }
}
