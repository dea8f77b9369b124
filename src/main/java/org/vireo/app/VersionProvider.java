package org.vireo.app;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? org.vireo.model.Texts.get("app.developmentBuild") : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Vireo " + version()};
    }
}
