package org.vireo.ui.preferences;

import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The installed font families whose glyphs all have one width: what a terminal can draw with. */
final class MonospacedFonts {

    private static List<String> cached;

    private MonospacedFonts() {
    }

    static synchronized List<String> families() {
        if (cached == null) {
            cached = Font.getFamilies().stream().filter(MonospacedFonts::monospaced).sorted().toList();
        }
        return cached;
    }

    private static boolean monospaced(String family) {
        Font font = Font.font(family, 12);
        return !font.getFamily().equals("System") && Math.abs(width("iiiiiiiiii", font) - width("WWWWWWWWWW", font)) < 0.5;
    }

    private static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
