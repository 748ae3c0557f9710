package io.github.camelpixazo.error;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A spend cap ({@code budget} over {@code budgetPeriod}, on the component or the endpoint) refused the message: the
 * jobs already submitted in the rolling window, those still in flight included, plus this message's job would cost
 * more than the budget. Nothing was sent or billed.
 * <p>
 * Deliberately not a {@link PixazoJobNotTakenException}: Camel's failover on that type must not move a message that a
 * budget stopped to another gateway, where it would be billed after all. A route that wants that lists this type in
 * its failover explicitly. Typical handling: park the message (a dead letter queue, or {@code .to("file:later")}) and
 * send it again when the window has room, or raise the budget.
 */
public class PixazoBudgetExceededException extends PixazoException {

    private final String budgetName;
    private final BigDecimal budget;
    private final Duration period;
    private final BigDecimal spent;
    private final BigDecimal price;
    private final String currency;

    /**
     * @param budgetName which budget: "the component budget", "the budget of endpoint pixazo://generate?..."
     * @param spent      what the jobs submitted within the period cost, in flight included
     * @param price      this message's job
     * @param period     the rolling window, as the user wrote it
     */
    public PixazoBudgetExceededException(String budgetName, BigDecimal budget, Duration period, String periodText,
                                         BigDecimal spent, BigDecimal price, String currency, boolean upperBound) {
        super(capitalize(budgetName) + " of " + budget.toPlainString() + " " + currency + " per " + periodText
              + " would be exceeded: the jobs submitted in the last " + periodText + " (in flight included) cost "
              + spent.toPlainString() + " " + currency + ", and this message's job costs "
              + (upperBound ? "at most " : "") + price.toPlainString() + " " + currency + ". Nothing was sent. Send it"
              + " again when earlier jobs have left the window, or raise the budget.");
        this.budgetName = budgetName;
        this.budget = budget;
        this.period = period;
        this.spent = spent;
        this.price = price;
        this.currency = currency;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Which budget refused: the component's or an endpoint's. */
    public String getBudgetName() {
        return budgetName;
    }

    /** The budget, in {@link #getCurrency()}. */
    public BigDecimal getBudget() {
        return budget;
    }

    /** The rolling window the budget covers. */
    public Duration getPeriod() {
        return period;
    }

    /** What the jobs submitted within the window cost (their estimates), jobs in flight included. */
    public BigDecimal getSpent() {
        return spent;
    }

    /** The estimated price of the refused message's job. */
    public BigDecimal getPrice() {
        return price;
    }

    /** {@code USD}, {@code credits}, ... */
    public String getCurrency() {
        return currency;
    }
}
