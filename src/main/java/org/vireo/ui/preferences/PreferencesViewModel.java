package org.vireo.ui.preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.vireo.model.Settings;
import org.vireo.model.StatsService;

/** The user's preferences as the dialog edits them; {@link #save()} applies and stores them. */
public final class PreferencesViewModel {

    public static final String STATS_INTERVAL = "stats.intervalSeconds";
    public static final String CONFIRM_FORCE_OFF = "confirm.forceOff";
    public static final String CONFIRM_DELETE = "confirm.delete";

    private final Settings settings;
    private final StatsService stats;
    private final IntegerProperty statsInterval = new SimpleIntegerProperty();
    private final BooleanProperty confirmForceOff = new SimpleBooleanProperty();
    private final BooleanProperty confirmDelete = new SimpleBooleanProperty();

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
    }

    public void save() {
        int seconds = Math.max(1, Math.min(60, statsInterval.get()));
        settings.putInt(STATS_INTERVAL, seconds);
        settings.putBoolean(CONFIRM_FORCE_OFF, confirmForceOff.get());
        settings.putBoolean(CONFIRM_DELETE, confirmDelete.get());
        stats.setStatsInterval(seconds);
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
}
