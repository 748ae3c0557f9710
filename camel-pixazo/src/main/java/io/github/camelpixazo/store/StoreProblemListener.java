package io.github.camelpixazo.store;

/**
 * Told about each record a {@link JobStore} found unusable and skipped (see {@link StoreProblem}), in addition to
 * the store's WARN log line. Called on the thread that found the problem, possibly while the store holds a lock: it
 * must return quickly and must not call the store.
 */
@FunctionalInterface
public interface StoreProblemListener {

    /** One unusable record, already skipped. */
    void onProblem(StoreProblem problem);
}
