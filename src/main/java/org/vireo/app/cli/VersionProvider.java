package org.vireo.app.cli;

import picocli.CommandLine.IVersionProvider;

public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? org.vireo.model.Texts.get("app.developmentBuild") : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Vireo " + version()};
    }
}
