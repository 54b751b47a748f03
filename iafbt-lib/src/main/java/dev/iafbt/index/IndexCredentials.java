package dev.iafbt.index;

/**
 * Who a PostgreSQL index is opened as. Built from a Maven {@code <server>} (user and decrypted
 * password) or left to the environment: {@link #fromEnvironment()} takes {@code PGUSER} and
 * {@code PGPASSWORD} as libpq does, and without a password the driver reads {@code ~/.pgpass}
 * itself. The password is never part of {@link #toString()} or of any message.
 *
 * @param user     the role, or null for the URL's {@code user=} or the driver's default
 * @param password the password, or null for the URL, {@code PGPASSWORD} or {@code .pgpass}
 */
public record IndexCredentials(String user, String password) {
    /** Nothing given: the URL's parameters and the driver's own defaults decide. */
    public static final IndexCredentials NONE = new IndexCredentials(null, null);

    /** {@code PGUSER} and {@code PGPASSWORD} from the environment, each when set. */
    public static IndexCredentials fromEnvironment() {
        return new IndexCredentials(blankToNull(System.getenv("PGUSER")), blankToNull(System.getenv("PGPASSWORD")));
    }

    /** These credentials, with the environment's filling what they leave unset. */
    public IndexCredentials orEnvironment() {
        IndexCredentials env = fromEnvironment();
        return new IndexCredentials(user != null ? user : env.user, password != null ? password : env.password);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "IndexCredentials[user=" + user + ", password=" + (password == null ? "unset" : "****") + "]";
    }
}
