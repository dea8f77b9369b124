package org.vireo.app.cli;

import org.vireo.model.LibvirtUri;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --connect URI}: checked by the same {@link LibvirtUri} as the connection dialog, so a URI
 * the window would refuse (empty, malformed, a password in it) is bad input here too: one line,
 * exit 2, and the URI itself is never echoed or logged (it may hold a password).
 */
public final class UriOption implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            return LibvirtUri.parse(value).text();
        } catch (LibvirtUri.Invalid e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
