package org.vireo.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Vireo's command line. The same options drive the window and the headless inventory. */
@Command(name = "vireo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "org.vireo.app.cli.options", sortOptions = false)
public final class CliOptions {

    @Option(names = "--connect", paramLabel = "URI", descriptionKey = "connect", converter = UriOption.class)
    public List<String> connect = new ArrayList<>();

    @Option(names = "--show-vm", paramLabel = "NAME", descriptionKey = "show-vm")
    public String showVm;

    @Option(names = "--show-console", paramLabel = "NAME", descriptionKey = "show-console")
    public String showConsole;

    @Option(names = "--list", descriptionKey = "list")
    public boolean list;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", descriptionKey = "timeout")
    int timeoutSeconds;
}
