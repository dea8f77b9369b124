package org.vireo.app;

/** A failure and its causes in one line, for a message that must say what went wrong underneath (SQLite's own words). */
final class FailureWords {

    private FailureWords() {
    }

    static String of(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && out.indexOf(message) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(message.strip());
            }
        }
        return out.toString();
    }
}
