package org.vireo.app;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Vireo's command line. The same options drive the window and the headless inventory. */
@Command(name = "vireo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Vireo: a desktop manager for libvirt hypervisors and their VMs.",
        sortOptions = false)
final class CliOptions {

    @Option(names = "--connect", paramLabel = "URI",
            description = "Connect to this libvirt URI (repeatable). With --list, only these are listed; "
                    + "in the window they are added for this run, next to the saved connections.")
    List<String> connect = new ArrayList<>();

    @Option(names = "--show-vm", paramLabel = "NAME",
            description = "Open the window on this VM: selected, with its details (the first node that has it).")
    String showVm;

    @Option(names = "--show-console", paramLabel = "NAME",
            description = "Open the window on this VM with its serial console in a tab.")
    String showConsole;

    @Option(names = "--list", description = "Print every node and VM and exit, without a window.")
    boolean list;

    @Option(names = "--json", description = "With --list: print one JSON document.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "With --list: how long to wait for each node (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;
}
