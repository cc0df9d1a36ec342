package org.lantern.proxy.icap;

import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes one connection has received and not yet consumed, read as a stream by
 * {@link IcapReader} in the server's event loop. End of stream here means "not arrived yet", which
 * is how the reader reports an incomplete request without waiting. Unsynchronized, unlike
 * {@code ByteArrayInputStream}: it is read byte by byte on the hot path by one thread.
 */
final class BufferInput extends InputStream {

    private byte[] bytes;
    private int position;
    private int limit;
    private final int maxBytes;

    /**
     * @param initialBytes the first capacity
     * @param maxBytes the most bytes ever held, bounding what one connection can make the server keep
     */
    BufferInput(int initialBytes, int maxBytes) {
        this.bytes = new byte[initialBytes];
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() {
        return position < limit ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int n = Math.min(length, limit - position);
        if (n <= 0) {
            return -1;
        }
        System.arraycopy(bytes, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    /** @return the read position */
    int position() {
        return position;
    }

    /** @param newPosition a position previously returned by {@link #position()} */
    void position(int newPosition) {
        position = newPosition;
    }

    /** @return the array to receive into, from {@link #limit()}, after making room */
    byte[] array() {
        return bytes;
    }

    /** @return where received bytes end */
    int limit() {
        return limit;
    }

    /** @param received bytes just put into {@link #array()} at {@link #limit()} */
    void received(int received) {
        limit += received;
    }

    /**
     * Drops consumed bytes and grows the array when needed, so more can be received.
     *
     * @return whether there is room for more bytes; {@code false} once {@code maxBytes} unconsumed
     *     bytes are held
     */
    boolean makeRoom() {
        if (position == limit) {
            position = 0;
            limit = 0;
        }
        if (limit < bytes.length) {
            return true;
        }
        if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, limit - position);
            limit -= position;
            position = 0;
            return true;
        }
        if (bytes.length >= maxBytes) {
            return false;
        }
        bytes = Arrays.copyOf(bytes, Math.min(maxBytes, bytes.length * 2));
        return true;
    }

    /** @return whether bytes are held that no request has consumed yet */
    boolean hasUnread() {
        return position < limit;
    }

    /** @return the unconsumed bytes, as a copy */
    byte[] unread() {
        return Arrays.copyOfRange(bytes, position, limit);
    }
}
