package dev.iafbt.store;

/** No backtest is stored under the handle asked for. */
public class HandleNotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String handle;

    public HandleNotFoundException(String handle, String message) {
        super(message);
        this.handle = handle;
    }

    /** The handle as the caller passed it. */
    public String handle() {
        return handle;
    }
}
