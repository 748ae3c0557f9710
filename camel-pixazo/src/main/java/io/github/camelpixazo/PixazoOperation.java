package io.github.camelpixazo;

/** The operations of {@code pixazo:operation}. */
public enum PixazoOperation {
    /** Text to image. */
    generate,
    /** Image(s) to image, with an optional mask. */
    edit,
    /** One status query of a job by its request id. */
    status,
    /** Consumer only: one exchange per job submitted with waitForCompletion=false, when it finishes. */
    jobs
}
