package dev.iafbt.report;

/** The report would be larger than {@link ReportOptions#sizeBudget()}; the message names what fills it. */
public class ReportBudgetException extends ReportException {
    private static final long serialVersionUID = 1L;

    public ReportBudgetException(String message) {
        super(message);
    }
}
