package org.vireo.app;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Vireo's command line. The same options drive the window and the headless inventory. */
@Command(name = "vireo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "org.vireo.app.cli", sortOptions = false)
final class CliOptions {

    @Option(names = "--connect", paramLabel = "URI", descriptionKey = "connect")
    List<String> connect = new ArrayList<>();

    @Option(names = "--show-vm", paramLabel = "NAME", descriptionKey = "show-vm")
    String showVm;

    @Option(names = "--show-console", paramLabel = "NAME", descriptionKey = "show-console")
    String showConsole;

    @Option(names = "--list", descriptionKey = "list")
    boolean list;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", descriptionKey = "timeout")
    int timeoutSeconds;
}
