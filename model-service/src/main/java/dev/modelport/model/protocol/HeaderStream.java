package dev.modelport.model.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The first {@code length} bytes of a binary-extension body, so the JSON parser (which reads ahead in blocks)
 * cannot swallow the tensor bytes that follow. Remembers whether the body ended before the declared length.
 */
final class HeaderStream extends FilterInputStream {

    private long remaining;
    private boolean endedEarly;

    HeaderStream(InputStream body, int length) {
        super(body);
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int value = in.read();
        if (value < 0) {
            endedEarly = true;
        } else {
            remaining--;
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return length == 0 ? 0 : -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            endedEarly = true;
        } else {
            remaining -= read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    /** Leaves the body itself open: its tensor bytes are still to be read. */
    @Override
    public void close() {
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Reads what is left of the header, to learn whether the body is shorter than declared: when it is, that
     * explains a JSON error better than the error itself (the parser ran into the tensor bytes).
     */
    void drain() throws IOException {
        byte[] discarded = new byte[8192];
        int read;
        do {
            read = read(discarded, 0, discarded.length);
        } while (read > 0);
    }

    /** True when the body had fewer bytes than the header length declared. */
    boolean endedEarly() {
        return endedEarly;
    }

    /** Bytes of the header the parser did not read: only whitespace may be left there. */
    long unread() {
        return remaining;
    }
}
