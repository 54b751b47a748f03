package dev.iafbt.index;

import java.nio.file.Path;

/**
 * A bundle (or a folder below the indexed one) that could not be indexed, and why. The reference
 * logs {@code failed to index <absolute path>: <exception text>} and writes no row, leaving an
 * older row for that path as it was.
 *
 * @param path   the absolute path of the bundle or folder
 * @param reason the error's message, which names the file and what is wrong with it
 */
public record IndexFailure(Path path, String reason) {
    @Override
    public String toString() {
        return "failed to index " + path + ": " + reason;
    }
}
