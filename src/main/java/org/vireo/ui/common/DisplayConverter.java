package org.vireo.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows values of a choice in words; choices are picked, never typed, so nothing is read back. */
public final class DisplayConverter<T> extends StringConverter<T> {

    private final Function<T, String> words;

    public DisplayConverter(Function<T, String> words) {
        this.words = words;
    }

    @Override
    public String toString(T value) {
        return words.apply(value);
    }

    @Override
    public T fromString(String text) {
        return null;
    }
}
