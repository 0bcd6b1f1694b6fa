package dev.modelport.model.protocol;

import dev.modelport.model.inference.Datatype;
import java.lang.reflect.Array;

/**
 * The elements of one tensor as they are decoded, in the primitive array its datatype uses, so a large tensor
 * costs its array and not one boxed object per element. Sized exactly when the shape is known up front;
 * otherwise it grows, but never past its limit, so a body cannot make it allocate more than the limits allow.
 * Callers check {@link #isFull()} before adding.
 */
final class ElementBuffer {

    private static final int INITIAL_CAPACITY = 1024;

    private final Class<?> elementType;
    private final int limit;
    private Object array;
    private int capacity;
    private int size;

    private ElementBuffer(Datatype datatype, int capacity, int limit) {
        this.elementType = datatype.arrayType().componentType();
        this.limit = limit;
        this.capacity = capacity;
        this.array = Array.newInstance(elementType, capacity);
    }

    /** A buffer for exactly {@code count} elements, allocated at once. */
    static ElementBuffer exact(Datatype datatype, int count) {
        return new ElementBuffer(datatype, count, count);
    }

    /** A buffer that starts small and grows up to {@code limit} elements. */
    static ElementBuffer growable(Datatype datatype, int limit) {
        return new ElementBuffer(datatype, Math.min(INITIAL_CAPACITY, limit), limit);
    }

    boolean isFull() {
        return size == limit;
    }

    int size() {
        return size;
    }

    /** The elements, in an array of exactly {@link #size()}. */
    Object toArray() {
        if (size == capacity) {
            return array;
        }
        Object trimmed = Array.newInstance(elementType, size);
        System.arraycopy(array, 0, trimmed, 0, size);
        return trimmed;
    }

    void addBoolean(boolean value) {
        ensureRoom();
        ((boolean[]) array)[size++] = value;
    }

    void addByte(byte value) {
        ensureRoom();
        ((byte[]) array)[size++] = value;
    }

    void addShort(short value) {
        ensureRoom();
        ((short[]) array)[size++] = value;
    }

    void addInt(int value) {
        ensureRoom();
        ((int[]) array)[size++] = value;
    }

    void addLong(long value) {
        ensureRoom();
        ((long[]) array)[size++] = value;
    }

    void addFloat(float value) {
        ensureRoom();
        ((float[]) array)[size++] = value;
    }

    void addDouble(double value) {
        ensureRoom();
        ((double[]) array)[size++] = value;
    }

    void addBytes(byte[] value) {
        ensureRoom();
        ((byte[][]) array)[size++] = value;
    }

    private void ensureRoom() {
        if (size < capacity) {
            return;
        }
        if (size == limit) {
            throw new IllegalStateException("buffer is full at " + limit + " elements");
        }
        int grown = (int) Math.min(limit, Math.max(INITIAL_CAPACITY, 2L * capacity));
        Object bigger = Array.newInstance(elementType, grown);
        System.arraycopy(array, 0, bigger, 0, size);
        array = bigger;
        capacity = grown;
    }
}
