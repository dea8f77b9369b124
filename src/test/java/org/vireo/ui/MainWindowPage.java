package org.vireo.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.model.VmSummary;

/** What a user sees in the main window, read through TestFX. */
public final class MainWindowPage {

    private final FxRobot robot;

    public MainWindowPage(FxRobot robot) {
        this.robot = robot;
    }

    @SuppressWarnings("unchecked")
    public TableView<VmSummary> table() {
        // The window on screen: a window of an app closed earlier in this JVM may linger, hidden.
        return robot.lookup("#vmTable").match(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    public TreeView<Object> tree() {
        return robot.lookup("#nodeTree").queryAs(TreeView.class);
    }

    public String statusBar() {
        return onFx(() -> robot.lookup("#statusBar").queryAs(Label.class).getText());
    }

    /** Rows of the VM table: name → state as virsh words, in table order. */
    public Map<String, String> tableNamesAndStates() {
        return onFx(() -> {
            Map<String, String> rows = new LinkedHashMap<>();
            for (VmSummary vm : table().getItems()) {
                rows.put(vm.name(), vm.state().virshName());
            }
            return rows;
        });
    }

    /** The text each visible table cell of one column shows, top to bottom. */
    public List<String> renderedColumn(String columnId) {
        return onFx(() -> robot.lookup(".table-row-cell").queryAll().stream()
                .sorted(Comparator.comparingDouble(n -> n.localToScene(0, 0).getY()))
                .flatMap(row -> row.lookupAll(".table-cell").stream())
                .filter(cell -> cell instanceof TableCell<?, ?> c
                        && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getText() != null)
                .map(cell -> ((TableCell<?, ?>) cell).getText())
                .toList());
    }

    /** Top-level tree items (the nodes) as their values' text: one string per node. */
    public List<TreeItem<Object>> nodeItems() {
        return onFx(() -> List.copyOf(tree().getRoot().getChildren()));
    }

    /** Scrolls the tree to a node and reads the state line under its name, e.g. "connected · 12 VMs". */
    public String renderedNodeDetail(String nodeName) {
        robot.interact(() -> {
            for (TreeItem<Object> item : tree().getRoot().getChildren()) {
                if (item.getValue().toString().contains(nodeName)) {
                    tree().scrollTo(tree().getRow(item));
                }
            }
        });
        return onFx(() -> robot.lookup(".node-title").queryAllAs(Label.class).stream()
                .filter(title -> title.isVisible() && title.getText().equals(nodeName))
                .map(title -> ((Label) ((VBox) title.getParent()).getChildren().get(1)).getText())
                .findFirst().orElse("(not shown)"));
    }

    /** The names the tree and the table show greyed (their node not connected), as "tree:NAME" and "table:NAME". */
    public List<String> greyedVms() {
        return onFx(() -> {
            List<String> greyed = new ArrayList<>();
            robot.lookup(".tree-cell").queryAll().stream().filter(Node::isVisible).filter(MainWindowPage::offline)
                    .forEach(cell -> greyed.add("tree:" + ((TreeCell<?>) cell).getText()));
            robot.lookup(".table-row-cell").queryAll().stream().filter(Node::isVisible).filter(MainWindowPage::offline)
                    .map(row -> (TableRow<?>) row)
                    .filter(row -> row.getItem() instanceof VmSummary)
                    .forEach(row -> greyed.add("table:" + ((VmSummary) row.getItem()).name()));
            return greyed;
        });
    }

    private static boolean offline(Node node) {
        return node.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("offline")) && node.getOpacity() < 1;
    }

    public void selectTreeRow(TreeItem<Object> item) {
        robot.interact(() -> tree().getSelectionModel().select(item));
    }

    /** Opens a menu (or right-clicks a node for its context menu) and chooses an item once it is shown. */
    public void choose(Node opener, boolean contextMenu, String itemId) {
        chooseAt(() -> opener, contextMenu, itemId);
    }

    /** As above, finding the opener again before each click: a table reuses its row objects at other places after a change. */
    public void chooseAt(Supplier<Node> openerNow, boolean contextMenu, String itemId) {
        // A click that lands while the previous menu is still closing only closes it: open again then.
        for (int attempt = 0; attempt < 3 && !shown(itemId); attempt++) {
            Node opener = openerNow.get();
            if (contextMenu) {
                robot.rightClickOn(opener);
            } else {
                robot.clickOn(opener);
            }
            long until = System.currentTimeMillis() + 2000;
            while (!shown(itemId) && System.currentTimeMillis() < until) {
                robot.sleep(50);
            }
        }
        waitUntil(itemId + " is shown", 5, () -> shown(itemId));
        robot.clickOn(itemId);
    }

    private boolean shown(String itemId) {
        return onFx(() -> robot.lookup(itemId).queryAll().stream().anyMatch(Node::isVisible));
    }

    public void chooseFromMenu(String menuId, String itemId) {
        choose(robot.lookup(menuId).query(), false, itemId);
    }

    /**
     * What a user sees of a window under a window manager: on the screen with its title bar, at least
     * its designed size, and (for a dialog) centred on its owner within {@code tolerance} pixels.
     * Returns a line with the figures, for the test's output.
     */
    public static String assertPlaced(Window window, Window owner, double minWidth, double minHeight, double tolerance) {
        return onFx(() -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            String where = String.format(Locale.ROOT, "%s at %.0f,%.0f size %.0fx%.0f", window instanceof Stage s ? s.getTitle() : window,
                    window.getX(), window.getY(), window.getWidth(), window.getHeight());
            assertTrue(window.getX() >= screen.getMinX() && window.getY() >= screen.getMinY()
                    && window.getX() + window.getWidth() <= screen.getMaxX() + 1
                    && window.getY() + window.getHeight() <= screen.getMaxY() + 1, "inside the screen " + screen + ": " + where);
            assertTrue(window.getWidth() >= minWidth && window.getHeight() >= minHeight,
                    "at least " + minWidth + "x" + minHeight + ": " + where);
            if (owner != null) {
                double dx = Math.abs(window.getX() + window.getWidth() / 2 - (owner.getX() + owner.getWidth() / 2));
                double dy = Math.abs(window.getY() + window.getHeight() / 2 - (owner.getY() + owner.getHeight() / 2));
                assertTrue(dx <= tolerance && dy <= tolerance, String.format(Locale.ROOT,
                        "centred on its owner within %.0f px (off by %.0f, %.0f): %s", tolerance, dx, dy, where));
            }
            return where;
        });
    }

    /** The newest window showing besides {@code main} (a dialog, the wizard), or null; call on the FX thread. */
    public static Window windowBesides(Window main) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing() && w != main)
                .reduce((a, b) -> b).orElse(null);
    }

    /** The main window: the one showing the VM table. */
    public static Window mainWindow() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#vmTable") != null)
                .findFirst().orElseThrow());
    }

    public String actionSummary() {
        return onFx(() -> robot.lookup("#actionSummary").queryAs(Label.class).getText());
    }

    /** Whether the menu bar's item with this id (without '#') is disabled, without opening its menu. */
    public boolean menuItemDisabled(String itemId) {
        return onFx(() -> robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow().isDisable());
    }

    public boolean isDisabledNow(String query) {
        return onFx(() -> robot.lookup(query).query().isDisabled());
    }

    public boolean isEnabled(String query) {
        return onFx(() -> !robot.lookup(query).query().isDisabled());
    }

    /** The first visible cell of the table, to right-click on. */
    public Node firstRowCell() {
        return onFx(() -> table().lookupAll(".table-row-cell").stream()
                .filter(r -> ((TableRow<?>) r).getItem() != null)
                .min(Comparator.comparingDouble(r -> r.localToScene(0, 0).getY())).orElseThrow());
    }

    /** The dialog that is open now (waits up to 10 s for one to appear). */
    public DialogPane dialog() {
        waitUntil("a dialog opens", 10, () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        DialogPane pane = onFx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class));
        // Under a window manager the dialog is placed after it is shown: clicks wait until it stays put.
        double[] last = {Double.NaN, Double.NaN};
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            double[] now = onFx(() -> new double[] {pane.getScene().getWindow().getX(), pane.getScene().getWindow().getY()});
            if (now[0] == last[0] && now[1] == last[1]) {
                break;
            }
            last = now;
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return pane;
    }

    public void waitUntil(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting until " + what
                    + "; status bar: " + statusBar(), e);
        }
    }

    /** What a label shows on screen, its wrapped lines joined: ends in its ellipsis string where it cuts its text off. */
    public static String shownText(Labeled label) {
        return label.lookupAll(".text").stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .findFirst().orElse("").replace("\n", "\n");
    }

    /**
     * Every label, button and check box showing in {@code root} (menus, tool bar, panes, dialogs) whose
     * text is cut to an ellipsis; table and tree cells, whose columns the user sizes, are left out.
     */
    public static List<String> truncated(Node root) {
        return onFx(() -> labelled(root).stream()
                .filter(l -> !l.getEllipsisString().isEmpty() && !l.getText().endsWith(l.getEllipsisString())
                        && shownText(l).endsWith(l.getEllipsisString()))
                .map(l -> (l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + ": " + l.getText())
                .toList());
    }

    /** The labels, buttons and check boxes with text showing in {@code root}, cells left out. */
    public static List<Labeled> labelled(Node root) {
        return onFx(() -> root.lookupAll("*").stream()
                .filter(n -> n instanceof Labeled && showing(n))
                .map(n -> (Labeled) n)
                .filter(l -> !(l instanceof IndexedCell<?>) && l.getText() != null && !l.getText().isEmpty())
                .toList());
    }

    /** Whether the node and every parent are visible: a tab that is not selected hides its content by its container. */
    public static boolean showing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
