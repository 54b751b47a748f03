package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class MsgpackPathLocatorTest {
    @Test
    void namesTheValueKeyOrContainerHoldingAnOffset() throws IOException {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        packer.packMapHeader(2);
        packer.packString("event_runs").packArrayHeader(2).packInt(1);      // header 1, key 11, array 1, int 1
        packer.packMapHeader(1).packString("total value").packDouble(1.5);   // map 1, key 12, float 9
        packer.packString("tag").packString("x");
        byte[] bytes = packer.toByteArray();

        assertThat(MsgpackPathLocator.pathAt(bytes, 0)).isEqualTo(MsgpackPathLocator.ROOT);
        assertThat(MsgpackPathLocator.pathAt(bytes, 3)).isEqualTo("event_runs (the key)");
        assertThat(MsgpackPathLocator.pathAt(bytes, 12)).isEqualTo("event_runs");
        assertThat(MsgpackPathLocator.pathAt(bytes, 13)).isEqualTo("event_runs[0]");
        assertThat(MsgpackPathLocator.pathAt(bytes, 14)).isEqualTo("event_runs[1]");
        assertThat(MsgpackPathLocator.pathAt(bytes, 30)).isEqualTo("event_runs[1][\"total value\"]");
        assertThat(MsgpackPathLocator.pathAt(bytes, bytes.length - 1)).isEqualTo("tag");
        assertThat(MsgpackPathLocator.pathAt(bytes, bytes.length)).isEqualTo("after the end of the document");
    }
}
