package org.plenum.gateway.api;

import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on until a limit, then fails: a response too large for the client stops growing in memory. */
final class BoundedOutputStream extends OutputStream {

    private final OutputStream target;
    private final long limit;
    private long written;

    BoundedOutputStream(OutputStream target, long limit) {
        this.target = target;
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        count(length);
        target.write(bytes, offset, length);
    }

    private void count(int length) throws ResponseTooLargeException {
        written += length;
        if (written > limit) {
            throw new ResponseTooLargeException();
        }
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
