package org.vireo.ui.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.vireo.model.VmSummary;
import org.vireo.service.Settings;
import org.vireo.ssh.SshTarget;
import org.vireo.terminal.TerminalService;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.Notices;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.preferences.PreferencesViewModel;
import org.vireo.ui.screen.GraphicsConsoleTab;

/** The main window's tabs: the VM list first, then one tab per terminal session. */
public final class TerminalTabs {

    private final TabPane tabs = new TabPane();
    private final TerminalService service;
    private final Settings settings;
    private final Messages messages;
    private final List<TerminalTab> open = new ArrayList<>();
    private final List<GraphicsConsoleTab> screens = new ArrayList<>();
    private final ServiceCalls calls = ServiceCalls.on(null);

    public TerminalTabs(Node vmList, String vmListTitle, TerminalService service, Settings settings, Messages messages) {
        this.service = service;
        this.settings = settings;
        this.messages = messages;
        tabs.setId("mainTabs");
        Tab list = new Tab(vmListTitle, vmList);
        list.setClosable(false);
        list.setId("vmListTab");
        tabs.getTabs().add(list);
    }

    public TabPane view() {
        return tabs;
    }

    /** Closes the selected terminal or screen tab as its close button would (asking nothing; the VM list stays). */
    public void closeSelected() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab == null || !tab.isClosable()) {
            return;
        }
        Event request = new Event(Tab.TAB_CLOSE_REQUEST_EVENT);
        Event.fireEvent(tab, request);
        if (request.isConsumed()) {
            return;
        }
        tabs.getTabs().remove(tab);
        Event.fireEvent(tab, new Event(Tab.CLOSED_EVENT));
    }

    public List<TerminalTab> openTabs() {
        return List.copyOf(open);
    }

    /** Asks for the login (remembering user and port per VM) and opens a tab that connects in the background. */
    public void openSsh(VmSummary vm, String nodeUri, List<String> addresses) {
        String profile = "ssh." + vm.uuid() + ".";
        String user = settings.getString(profile + "user", System.getProperty("user.name", "root"));
        int port = settings.getInt(profile + "port", 22);
        Optional<SshTarget> jump = SshTarget.jumpHostOf(nodeUri);
        Optional<SshTarget> target = SshTargetDialog.ask(tabs.getScene().getWindow(), messages, vm.name(), addresses, user,
                port, jump);
        target.ifPresent(t -> {
            settings.putString(profile + "user", t.user());
            settings.putInt(profile + "port", t.port());
            open(t.label(), t);
        });
    }

    /** Opens the VM's serial console in a tab. */
    public TerminalTab openConsole(VmSummary vm) {
        return add(new TerminalTab(messages.get("terminal.consoleTitle", vm.name()), messages, () -> service.openConsole(vm),
                fontSize(), fontFamily()));
    }

    /** Opens a tab on a known target (tests and --show-console use it without the dialog). */
    public TerminalTab open(String title, SshTarget target) {
        return add(new TerminalTab(title, messages, () -> service.openSsh(target, TerminalTab.COLUMNS, TerminalTab.ROWS),
                fontSize(), fontFamily()));
    }

    /** The terminal font family from the preferences. */
    private String fontFamily() {
        return settings.getString(PreferencesViewModel.TERMINAL_FONT_FAMILY, TerminalTab.DEFAULT_FONT_FAMILY);
    }

    /** The terminal font size from the preferences. */
    private int fontSize() {
        return settings.getInt(PreferencesViewModel.TERMINAL_FONT_SIZE, TerminalTab.DEFAULT_FONT_SIZE);
    }

    private TerminalTab add(TerminalTab tab) {
        open.add(tab);
        show(tab.tab(), () -> {
            tab.close();
            open.remove(tab);
        });
        return tab;
    }

    /** Adds and selects a tab; {@code closed} ends its session when the user closes it. */
    private void show(Tab tab, Runnable closed) {
        tab.setOnClosed(e -> closed.run());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** The open screen tabs (tests look at them). */
    public List<GraphicsConsoleTab> openScreens() {
        return List.copyOf(screens);
    }

    /** Opens the VM's screen (VNC) in a tab; remote nodes' screens come through an SSH tunnel. */
    public GraphicsConsoleTab openGraphics(VmSummary vm, String nodeUri) {
        GraphicsConsoleTab screen = new GraphicsConsoleTab(
                messages.get("graphics.title", vm.name()), messages, quality -> service.openGraphics(vm, nodeUri, quality),
                service::saveScreenshot, () -> openViewer(vm, nodeUri));
        screens.add(screen);
        show(screen.tab(), () -> {
            screen.close();
            screens.remove(screen);
        });
        return screen;
    }

    /**
     * Opens the VM's display (SPICE first) in remote-viewer. A notice says it is coming (the viewer
     * takes a moment to show), a dialog why it cannot, and another notice if the viewer fails.
     */
    public void openViewer(VmSummary vm, String nodeUri) {
        calls.run(() -> service.openViewer(vm, nodeUri)).onSuccess(viewer -> {
            Window owner = tabs.getScene().getWindow();
            String protocol = viewer.protocol().name();
            Notices.done(owner, messages.get("viewer.title"),
                    messages.get(viewer.tunnelled() ? "viewer.openedTunnelled" : "viewer.opened", vm.name(), protocol));
            viewer.exited().thenAccept(exit -> {
                if (exit.code() != 0) {
                    calls.post(() -> Notices.failed(owner, messages.get("viewer.title"),
                            messages.get("viewer.ended", vm.name(), exit.code(), exit.lastLine())));
                }
            });
        }).onFailureCause(cause -> Dialogs.error(tabs.getScene().getWindow(), messages.get("viewer.failed.title"),
                messages.get("viewer.failed.header", vm.name()), FailureText.reason(cause))).start();
    }

    /** Closes every session: the JVM must not be kept alive by a terminal's threads. */
    public void closeAll() {
        open.forEach(TerminalTab::close);
        open.clear();
        screens.forEach(GraphicsConsoleTab::close);
        screens.clear();
    }
}
