package org.vireo.ui.main;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.vireo.ui.common.AfterEachLayout;

/**
 * A column the user adds from the column chooser widens to what its cells and its heading show, as a
 * double-click on its edge would, instead of squeezing its text to "...". Live figures (addresses) arrive
 * a tick or more after the column appears, so it keeps growing to fit for half a minute; it never shrinks.
 */
final class ColumnFit<S> {

    private static final long FIT_NANOS = 30_000_000_000L;
    private static final double PADDING = 14;
    private static final double HEADER_PADDING = 30;   // the sort arrow

    private final TableView<S> table;
    private final Map<TableColumn<S, ?>, Long> fitting = new HashMap<>();
    private final Text measure = new Text();
    private boolean quiet;

    ColumnFit(TableView<S> table) {
        this.table = table;
        AfterEachLayout.attach(table, this::fit);
    }

    /** A narrow window squeezes the other columns' space, never a heading to "...". */
    static void neverNarrowerThanHeading(TableColumn<?, ?> column) {
        Text heading = new Text(column.getText());
        heading.setFont(Font.getDefault());
        column.setMinWidth(Math.ceil(heading.getLayoutBounds().getWidth() + HEADER_PADDING));
    }

    /** From now on, this column fits its content each time the user shows it. */
    void fitWhenShown(TableColumn<S, ?> column) {
        column.visibleProperty().addListener((obs, was, now) -> {
            if (now && !quiet) {
                fitting.put(column, System.nanoTime() + FIT_NANOS);
                table.requestLayout();
            } else {
                fitting.remove(column);
            }
        });
    }

    /** Runs a change of columns that is not the user adding one: restoring saved widths. */
    void quietly(Runnable change) {
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = false;
        }
    }

    private void fit() {
        if (fitting.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        fitting.values().removeIf(until -> until < now);
        for (TableColumn<S, ?> column : fitting.keySet()) {
            double needed = textWidth(column.getText(), null) + HEADER_PADDING;
            for (Node node : table.lookupAll(".table-cell")) {
                if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() == column && cell.getText() != null) {
                    needed = Math.max(needed, textWidth(cell.getText(), cell) + cell.snappedLeftInset() + cell.snappedRightInset() + PADDING);
                }
            }
            if (needed > column.getWidth() + 1 && !table.resizeColumn(column, needed - column.getWidth())) {
                column.setPrefWidth(needed);   // the resize policy found no room: the table scrolls sideways instead
            }
        }
    }

    private double textWidth(String text, TableCell<?, ?> cell) {
        measure.setText(text);
        measure.setFont(cell == null ? Font.getDefault() : cell.getFont());
        return measure.getLayoutBounds().getWidth();
    }
}
