package org.vireo.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the desktop prefers dark (JavaFX 21 cannot tell): GTK_THEME ending in ":dark", else
 * GNOME's color-scheme or GTK theme setting through {@code gsettings}. Runs before the window, off
 * the FX thread; no answer within a second means light.
 */
final class DesktopColorScheme {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopColorScheme.class);

    private DesktopColorScheme() {
    }

    static boolean prefersDark() {
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return gtkTheme.toLowerCase(Locale.ROOT).contains("dark");
        }
        String scheme = gsettings("color-scheme");
        if (scheme.contains("prefer-dark")) {
            return true;
        }
        return !scheme.contains("prefer-light") && gsettings("gtk-theme").toLowerCase(Locale.ROOT).contains("dark");
    }

    private static String gsettings(String key) {
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", key)
                    .redirectErrorStream(true).start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";   // no gsettings here: not a GNOME-like desktop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (RuntimeException e) {
            LOG.debug("Could not ask gsettings for {}", key, e);
            return "";
        }
    }
}
