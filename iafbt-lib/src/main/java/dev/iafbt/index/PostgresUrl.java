package dev.iafbt.index;

import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * A {@code jdbc:postgresql:} location, parsed by the driver itself, and what may be shown of it:
 * host, port, database, schema and user, never a password (a {@code password=} parameter is cut
 * from {@link #display()}).
 */
record PostgresUrl(String url, String host, String port, String database, String schema, String urlUser) {
    static final String PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&])password=[^&]*&?");

    static boolean isPostgres(String location) {
        return location != null && location.startsWith(PREFIX);
    }

    static PostgresUrl parse(String url) {
        Properties props = Driver.parseURL(url, new Properties());
        if (props == null) {
            throw new IndexException("'" + withoutPassword(url) + "' is not a PostgreSQL JDBC URL; write it as"
                    + " jdbc:postgresql://host:port/database?currentSchema=schema");
        }
        return new PostgresUrl(url, props.getProperty("PGHOST", "localhost"), props.getProperty("PGPORT", "5432"),
                props.getProperty("PGDBNAME", ""), props.getProperty("currentSchema"), props.getProperty("user"));
    }

    /** The URL without any {@code password=} parameter. */
    String display() {
        return withoutPassword(url);
    }

    static String withoutPassword(String url) {
        String cut = PASSWORD_PARAMETER.matcher(url).replaceAll("$1");
        return cut.endsWith("?") || cut.endsWith("&") ? cut.substring(0, cut.length() - 1) : cut;
    }

    /** "host H, port P, database D, user U": what a failed connection may name. */
    String who(String user) {
        return "host " + host + ", port " + port + ", database " + database + ", user "
                + (user != null ? user : urlUser != null ? urlUser : System.getProperty("user.name"));
    }
}
