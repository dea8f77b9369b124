package org.vireo.store;

/** A store operation failed; the message names what was being done. */
public final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
