package dev.modelport.model.protocol;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes passing through, to learn the JSON header's length while it streams out. */
final class CountingOutputStream extends FilterOutputStream {

    private long count;

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        count += length;
    }

    /** The response continues after the header, so closing the generator must not close it. */
    @Override
    public void close() throws IOException {
        flush();
    }

    long count() {
        return count;
    }
}
