package org.vireo.app.cli;

import org.vireo.model.Texts;
import picocli.CommandLine.IVersionProvider;

public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? Texts.get("app.developmentBuild") : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Vireo " + version()};
    }
}
