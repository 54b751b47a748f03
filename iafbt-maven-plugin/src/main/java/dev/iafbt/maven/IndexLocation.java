package dev.iafbt.maven;

import dev.iafbt.index.IndexCredentials;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.Indexes;
import dev.iafbt.index.PostgresIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one rule for where the index lives, used by every goal that writes or reads it.
 *
 * <ul>
 *   <li>{@code iafbt.bundles} (default {@code backtests}) is the bundle folder;</li>
 *   <li>{@code iafbt.index}, when set, is the SQLite index <em>file</em> — the same meaning in every
 *       goal (a folder is refused with the file name to use instead);</li>
 *   <li>unset, the index is {@code <bundles>/index.sqlite}: beside the bundles, where the Python
 *       tool's {@code iaf index} puts it too, so both tools share one file;</li>
 *   <li>{@code iafbt.index=jdbc:postgresql://host:port/db?currentSchema=s} is a table on a shared
 *       PostgreSQL server instead, in every goal; its credentials come from the settings.xml
 *       {@code <server>} named by {@code iafbt.serverId}, or from PGPASSWORD/.pgpass;</li>
 *   <li>relative paths resolve against the project folder, or the current folder when the goal
 *       runs outside a project — inside and outside a project the rule is the same.</li>
 * </ul>
 *
 * So a POM that declares {@code index} and {@code rank} with their defaults, or a command line
 * that runs one after the other with the same {@code -D} properties, always meets one index.
 */
final class IndexLocation {
    private IndexLocation() {
    }

    /**
     * The index file for a bundle folder and an optional {@code iafbt.index}, both absolute.
     *
     * @throws MojoFailureException when {@code index} is an existing folder
     */
    /** A database index; other JDBC URLs are refused with what is supported. */
    static IndexTarget database(String url, IndexCredentials credentials) throws MojoFailureException {
        if (!PostgresIndex.isPostgresUrl(url)) {
            throw new MojoFailureException("iafbt.index is '" + Indexes.describe(url) + "', but only SQLite files and"
                    + " PostgreSQL are supported: pass a file path or jdbc:postgresql://host:port/database?currentSchema=schema");
        }
        return IndexTarget.database(url, credentials);
    }

    static Path of(Path bundleFolder, Path index) throws MojoFailureException {
        if (index == null) {
            return bundleFolder.resolve(Indexer.DEFAULT_INDEX_NAME);
        }
        if (Files.isDirectory(index)) {
            throw new MojoFailureException("iafbt.index must be the .sqlite file, but " + index + " is a folder."
                    + " For example -Diafbt.index=" + index.resolve(Indexer.DEFAULT_INDEX_NAME)
                    + " (leave iafbt.index unset to use <iafbt.bundles>/" + Indexer.DEFAULT_INDEX_NAME + ").");
        }
        if (!Files.exists(index) && !index.getFileName().toString().contains(".")) {
            // -Diafbt.index=newdir/ arrives without its slash: creating a file named newdir is never what was meant
            throw new MojoFailureException("iafbt.index must be the .sqlite file, but " + index + " has no file extension"
                    + " and does not exist, so it reads like a folder. For example -Diafbt.index="
                    + index.resolve(Indexer.DEFAULT_INDEX_NAME) + ".");
        }
        return index;
    }
}
