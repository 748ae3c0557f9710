package io.github.camelpixazo.error;

/**
 * A budget applies, but no price is published (or configured) for the message's job, so it cannot be counted against
 * the budget: the message is refused rather than let through uncounted (a budget is never bypassed silently). Nothing
 * was sent. Give the job a price with the component options {@code prices} or {@code priceFile}, or remove the
 * budget. A {@link PixazoValidationException} naming the option {@code budget}.
 */
public class PixazoPriceUnknownException extends PixazoValidationException {

    public PixazoPriceUnknownException(Object budget, String problem) {
        super("budget", budget, problem);
    }
}
