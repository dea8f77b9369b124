package org.vireo.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.vireo.model.LogText;

/**
 * The log pattern's message with control characters escaped ({@code %safeMsg} in logback.xml): a
 * newline in a URI or a VM name cannot forge a second log line, and libxml2's binary error about a
 * device file cannot reach the terminal raw.
 */
public final class EscapedMessage extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.escape(event.getFormattedMessage());
    }
}
