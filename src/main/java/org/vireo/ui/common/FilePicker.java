package org.vireo.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for a local file to read or to write. The desktop's own file dialog in the app; a window test
 * answers instead of it (the desktop's dialog is not a JavaFX window a robot can drive).
 */
public interface FilePicker {

    Optional<Path> open(Window owner, String title);

    Optional<Path> save(Window owner, String title, String initialName);

    /** The desktop's file dialog. */
    static FilePicker desktop() {
        return new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String initialName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(initialName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }
        };
    }
}
