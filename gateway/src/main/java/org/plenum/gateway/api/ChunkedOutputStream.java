package org.plenum.gateway.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects what is written as the parts of one composite buffer, so a growing response is never copied to a larger
 * array (a single growing buffer copies each response about twice). The JSON generator writes whole chunks of its
 * own buffer, so the parts are few.
 */
final class ChunkedOutputStream extends OutputStream {

    /** Beyond this many parts the buffer merges them: only responses of megabytes get there. */
    private static final int MAX_PARTS = 1024;

    private final CompositeByteBuf bytes = Unpooled.compositeBuffer(MAX_PARTS);

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        if (length > 0) {
            bytes.addComponent(true, Unpooled.wrappedBuffer(Arrays.copyOfRange(source, offset, offset + length)));
        }
    }

    /** What was written. */
    ByteBuf bytes() {
        return bytes;
    }
}
