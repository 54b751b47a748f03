package dev.iafbt.maven;

import dev.iafbt.index.Indexer;
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
