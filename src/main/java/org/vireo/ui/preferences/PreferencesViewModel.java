package org.vireo.ui.preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vireo.service.Settings;
import org.vireo.service.StatsService;

/** The user's preferences as the dialog edits them; {@link #save()} applies and stores them. */
public final class PreferencesViewModel {

    public static final String STATS_INTERVAL = "stats.intervalSeconds";
    public static final String CONFIRM_FORCE_OFF = "confirm.forceOff";
    public static final String CONFIRM_DELETE = "confirm.delete";
    public static final String ALLOW_XML_EDITING = "xml.editing";
    public static final String CONFIRM_RESET = "confirm.reset";
    public static final String CONFIRM_NMI = "confirm.nmi";
    public static final String CONFIRM_DEVICE_REMOVE = "confirm.deviceRemove";
    public static final String CONFIRM_VOLUME_DELETE = "confirm.volumeDelete";
    public static final String TERMINAL_FONT_SIZE = "terminal.fontSize";
    public static final String TERMINAL_FONT_FAMILY = "terminal.fontFamily";
    public static final String DEFAULT_TERMINAL_FONT = "DejaVu Sans Mono";
    public static final String THEME = "ui.theme";
    /** The node the window opens on ("" for all nodes). */
    public static final String DEFAULT_NODE = "ui.defaultNode";

    private final Settings settings;
    private final StatsService stats;
    private final IntegerProperty statsInterval = new SimpleIntegerProperty();
    private final BooleanProperty confirmForceOff = new SimpleBooleanProperty();
    private final BooleanProperty confirmDelete = new SimpleBooleanProperty();
    private final BooleanProperty allowXmlEditing = new SimpleBooleanProperty();
    private final BooleanProperty confirmReset = new SimpleBooleanProperty();
    private final BooleanProperty confirmNmi = new SimpleBooleanProperty();
    private final BooleanProperty confirmDeviceRemove = new SimpleBooleanProperty();
    private final BooleanProperty confirmVolumeDelete = new SimpleBooleanProperty();
    private final IntegerProperty terminalFontSize = new SimpleIntegerProperty();
    private final StringProperty terminalFontFamily = new SimpleStringProperty();
    private final StringProperty theme = new SimpleStringProperty();
    private final StringProperty defaultNode = new SimpleStringProperty();

    public PreferencesViewModel(Settings settings, StatsService stats) {
        this.settings = settings;
        this.stats = stats;
        stats.setStatsInterval(settings.getInt(STATS_INTERVAL, 2));
    }

    /** Reads the stored values into the properties (when the dialog opens). */
    public void reload() {
        statsInterval.set(settings.getInt(STATS_INTERVAL, 2));
        confirmForceOff.set(settings.getBoolean(CONFIRM_FORCE_OFF, true));
        confirmDelete.set(settings.getBoolean(CONFIRM_DELETE, true));
        allowXmlEditing.set(settings.getBoolean(ALLOW_XML_EDITING, false));
        confirmReset.set(settings.getBoolean(CONFIRM_RESET, true));
        confirmNmi.set(settings.getBoolean(CONFIRM_NMI, true));
        confirmDeviceRemove.set(settings.getBoolean(CONFIRM_DEVICE_REMOVE, true));
        confirmVolumeDelete.set(settings.getBoolean(CONFIRM_VOLUME_DELETE, true));
        terminalFontSize.set(settings.getInt(TERMINAL_FONT_SIZE, 14));
        terminalFontFamily.set(settings.getString(TERMINAL_FONT_FAMILY, DEFAULT_TERMINAL_FONT));
        theme.set(settings.getString(THEME, "desktop"));
        defaultNode.set(settings.getString(DEFAULT_NODE, ""));
    }

    public void save() {
        int seconds = Math.max(1, Math.min(60, statsInterval.get()));
        settings.putInt(STATS_INTERVAL, seconds);
        settings.putBoolean(CONFIRM_FORCE_OFF, confirmForceOff.get());
        settings.putBoolean(CONFIRM_DELETE, confirmDelete.get());
        settings.putBoolean(ALLOW_XML_EDITING, allowXmlEditing.get());
        settings.putBoolean(CONFIRM_RESET, confirmReset.get());
        settings.putBoolean(CONFIRM_NMI, confirmNmi.get());
        settings.putBoolean(CONFIRM_DEVICE_REMOVE, confirmDeviceRemove.get());
        settings.putBoolean(CONFIRM_VOLUME_DELETE, confirmVolumeDelete.get());
        settings.putInt(TERMINAL_FONT_SIZE, Math.max(8, Math.min(36, terminalFontSize.get())));
        String family = terminalFontFamily.get();
        settings.putString(TERMINAL_FONT_FAMILY, family == null || family.isBlank() ? DEFAULT_TERMINAL_FONT : family);
        settings.putString(THEME, theme.get() == null ? "desktop" : theme.get());
        settings.putString(DEFAULT_NODE, defaultNode.get() == null ? "" : defaultNode.get());
        stats.setStatsInterval(seconds);
    }

    public IntegerProperty terminalFontSizeProperty() {
        return terminalFontSize;
    }

    /** The family the terminal tabs draw with (a monospaced one). */
    public StringProperty terminalFontFamilyProperty() {
        return terminalFontFamily;
    }

    /** "light", "dark" or "desktop" (follow the desktop's choice). */
    public StringProperty themeProperty() {
        return theme;
    }

    /** The id of the node the window opens on, or "" for all nodes. */
    public StringProperty defaultNodeProperty() {
        return defaultNode;
    }

    public IntegerProperty statsIntervalProperty() {
        return statsInterval;
    }

    public BooleanProperty confirmForceOffProperty() {
        return confirmForceOff;
    }

    public BooleanProperty confirmDeleteProperty() {
        return confirmDelete;
    }

    /** Ask before a device is removed from a running VM. */
    /** Off by default, as in virt-manager: the XML tab is read-only until this is on. */
    public BooleanProperty allowXmlEditingProperty() {
        return allowXmlEditing;
    }

    public BooleanProperty confirmResetProperty() {
        return confirmReset;
    }

    public BooleanProperty confirmNmiProperty() {
        return confirmNmi;
    }

    public BooleanProperty confirmDeviceRemoveProperty() {
        return confirmDeviceRemove;
    }

    /** Ask before a disk's volume is deleted with it. */
    public BooleanProperty confirmVolumeDeleteProperty() {
        return confirmVolumeDelete;
    }
}
