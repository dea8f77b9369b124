package org.vireo.ui.main;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.AfterEachLayout;

/**
 * An update never carries the selected row out of view: when the rows change (a figure that
 * re-sorts them, a tag that moves the VM) and the selected row was on screen before but is not
 * after, the table scrolls just enough to show it again. A row the user scrolled away from is left
 * where it is: only a change of the rows brings it back. Checked after each layout pass, when the
 * rows on screen are known.
 */
final class SelectionInView {

    private final TableView<VmSummary> table;
    private VirtualFlow<?> flow;
    private String shownKey;
    private boolean rowsChanged;

    SelectionInView(TableView<VmSummary> table) {
        this.table = table;
        table.getItems().addListener((ListChangeListener<VmSummary>) change -> rowsChanged = true);
        AfterEachLayout.attach(table, this::look);
    }

    private void look() {
        if (flow == null) {
            flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        }
        VmSummary selected = table.getSelectionModel().getSelectedItem();
        int index = table.getSelectionModel().getSelectedIndex();
        if (flow == null || selected == null || index < 0 || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            shownKey = null;
            rowsChanged = false;
            return;
        }
        boolean visible = index >= flow.getFirstVisibleCell().getIndex() && index <= flow.getLastVisibleCell().getIndex();
        if (!visible && rowsChanged && selected.key().equals(shownKey)) {
            flow.scrollTo(index);   // the least scrolling that shows it; the next layout sees it shown
        } else {
            shownKey = visible ? selected.key() : null;
        }
        rowsChanged = false;
    }
}
