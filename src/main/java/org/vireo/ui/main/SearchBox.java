package org.vireo.ui.main;

import java.util.Arrays;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.textfield.TextFields;
import org.vireo.model.VmState;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Messages;

/** The search at the right of the tool bar: a state filter and a filter field with a clear button (ControlsFX). */
final class SearchBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private SearchBox() {
    }

    static TextField filterField(MainViewModel viewModel, Messages messages) {
        TextField filter = TextFields.createClearableTextField();
        filter.setId("filterField");
        filter.setAccessibleText(messages.get("toolbar.filter.accessible"));
        filter.setPromptText(messages.get("toolbar.filter.prompt"));
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(viewModel.filterTextProperty());   // the state box and the table's clear link write it too
        // A filter that cannot match as typed says why, on the field itself (a tool bar has no room under it).
        Tooltip why = new Tooltip();
        why.setId("filterProblem");
        why.textProperty().bind(viewModel.filterProblemProperty());
        viewModel.filterProblemProperty().addListener((obs, old, now) -> {
            filter.pseudoClassStateChanged(INVALID, !now.isEmpty());
            if (now.isEmpty()) {
                why.hide();
                filter.setTooltip(null);
            } else {
                filter.setTooltip(why);
                if (filter.getScene() != null && filter.isFocused()) {
                    var below = filter.localToScreen(0, filter.getHeight());
                    why.show(filter, below.getX(), below.getY() + 2);
                }
            }
        });
        return filter;
    }

    static ComboBox<VmState> stateFilter(MainViewModel viewModel, Messages messages) {
        ComboBox<VmState> stateFilter = new ComboBox<>();
        stateFilter.setId("stateFilter");
        stateFilter.setAccessibleText(messages.get("toolbar.stateFilter.accessible"));
        stateFilter.getItems().addAll(Arrays.asList(null, VmState.RUNNING, VmState.PAUSED, VmState.SHUT_OFF,
                VmState.CRASHED, VmState.PM_SUSPENDED));
        stateFilter.setConverter(new DisplayConverter<>(state -> state == null ? messages.get("filter.state.all")
                : messages.get("vm.state." + state.id())));
        stateFilter.getSelectionModel().select(0);
        stateFilter.setPromptText(messages.get("filter.state.all"));   // shown when state: is cleared by typing
        stateFilter.valueProperty().bindBidirectional(viewModel.stateFilterProperty());
        return stateFilter;
    }
}
