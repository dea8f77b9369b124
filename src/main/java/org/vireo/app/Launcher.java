package org.vireo.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.vireo.app.cli.CliOptions;
import org.vireo.app.cli.CreateCommand;
import org.vireo.app.cli.InventoryCommand;
import org.vireo.model.LogText;
import org.vireo.model.Texts;
import picocli.CommandLine;

/**
 * The plain main class. It must not extend {@link Application}: on the class path JavaFX then
 * refuses to start ("JavaFX runtime components are missing").
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        AppPaths paths = AppPaths.fromEnvironment();
        // Before the first logger exists: logback.xml reads it to place the log file, made 0600 here first.
        System.setProperty("vireo.logDir", paths.stateDir().toString());
        AppPaths.makePrivate(paths);
        if (args.length > 0 && args[0].equals("create")) {
            System.exit(create(paths, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        CliOptions options = new CliOptions();
        CommandLine cli = new CommandLine(options);
        Integer early = parse(cli, args, System.out, System.err);
        if (early != null) {
            System.exit(early);
        }
        if (options.list) {
            int code;
            try (AppContext context = AppContext.open(paths)) {
                context.storeProblem.ifPresent(problem -> System.err.println(
                        LogText.escape(Texts.get("store.problem.cli", paths.database(), problem))));
                code = InventoryCommand.run(context, options, System.out);
            }
            System.exit(code);
        }
        // Logging set up here, before the start-up thread logs (SLF4J otherwise warns on the terminal that it replayed its calls).
        LoggerFactory.getILoggerFactory();
        StartupState.loadEarly(paths, options.connect);
        // JavaFX reports through JDK logging: its notes ("Unsupported JavaFX configuration" for a
        // class-path start, which is how every jar runs) go into vireo.log instead of the terminal.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // Returns when the window has closed; VireoApp.stop() hands closing connections and saving
        // state to a non-daemon thread, and the JVM ends when that is done.
        Application.launch(VireoApp.class, args);
    }

    /** {@code vireo create …}; returns the exit code. */
    public static int create(AppPaths paths, String[] args, PrintStream out, PrintStream err) {
        CreateCommand command = new CreateCommand();
        Integer early = parse(new CommandLine(command), args, out, err);
        if (early != null) {
            return early;
        }
        List<String> problems = command.optionProblems();
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println("vireo: " + problem));
            return 2;
        }
        try (AppContext context = AppContext.open(paths)) {
            context.storeProblem.ifPresent(problem -> err.println(LogText.escape(Texts.get("store.problem.cli", paths.database(), problem))));
            return command.run(context, out, err);
        }
    }

    /** Parses the options; returns an exit code when the run ends here (help, version, bad options). */
    static Integer parse(CommandLine cli, String[] args, PrintStream out, PrintStream err) {
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            // One line for what is wrong and where to read more, as other command-line tools do.
            err.println("vireo: " + LogText.escape(e.getMessage()));
            err.println(Texts.get("cli.seeHelp", cli.getCommandName().equals("create") ? "vireo create --help" : "vireo --help"));
            return 2;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return 0;
        }
        return null;
    }
}
