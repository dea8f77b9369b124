package org.vireo.ui.details;

/** Memory sizes as the fields show them: whole GiB where it is, else MiB (what SettingsRules reads back). */
final class MemoryText {

    private MemoryText() {
    }

    static String format(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
