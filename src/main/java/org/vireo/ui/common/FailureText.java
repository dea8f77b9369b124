package org.vireo.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;

/** A failed operation in one line for a status label: what failed, then libvirt's own words. */
public final class FailureText {

    private FailureText() {
    }

    public static String of(Throwable error) {
        Throwable cause = root(error);
        if (cause instanceof OperationException op) {
            return op.detail().isEmpty() ? op.getMessage() : Texts.get("failure.whatAndWhy", op.getMessage(), op.detail());
        }
        return String.valueOf(cause.getMessage());
    }

    /** For a step that was under way ("Defining the VM web-01"): "… failed: why". */
    public static String failed(Throwable error) {
        Throwable cause = root(error);
        if (cause instanceof OperationException op) {
            return Texts.get("failure.stepFailed", op.getMessage(), op.detail());
        }
        return String.valueOf(cause.getMessage());
    }

    /** Only why, for a place that already says what was attempted (a tab titled after the VM, say). */
    public static String reason(Throwable error) {
        return root(error) instanceof OperationException op && !op.detail().isEmpty() ? op.detail() : of(error);
    }

    /** The failure inside a future's wrappers ({@link CompletionException}, {@link ExecutionException}). */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Throwable root(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof OperationException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
