package dev.iafbt.maven;

import dev.iafbt.index.IndexerConfigurationException;
import java.nio.file.Path;

/** Phrases the indexer's configuration problems in terms of the goal's parameters. */
final class IndexParameterMessages {
    private IndexParameterMessages() {
    }

    static String of(IndexerConfigurationException e) {
        Path path = e.path();
        switch (e.problem()) {
            case BUNDLES_MISSING:
                return "Bundle folder " + path + " does not exist. Set iafbt.bundles to the folder that"
                        + " holds the .iafbt files, for example -Diafbt.bundles=path/to/backtests"
                        + " (relative paths resolve against the project folder, or the current folder"
                        + " outside a project).";
            case BUNDLES_NOT_A_FOLDER:
                return "iafbt.bundles must be a folder, but " + path + " is a file. Pass the folder"
                        + " that holds the bundles instead"
                        + (path.getParent() == null ? "." : ", for example -Diafbt.bundles=" + path.getParent());
            case INDEX_IS_A_FOLDER:
                return "iafbt.index must be the .sqlite file to write, but " + path + " is a folder."
                        + " For example -Diafbt.index=" + path.resolve("index.sqlite");
            case INDEX_NOT_WRITABLE:
                return e.getMessage() + ". Set iafbt.index to a file in a folder you can write to,"
                        + " for example -Diafbt.index=target/iafbt/index.sqlite";
            case INDEX_NOT_SQLITE:
                return path + " is not an SQLite database, so iafbt left it alone. Set"
                        + " iafbt.index to another file (for example -Diafbt.index=target/iafbt/index.sqlite),"
                        + " or delete " + path + " if it is not needed.";
            case TIERED_STORE:
                return tieredStore(path);
            default:
                return e.getMessage();
        }
    }

    /** Indexing a tiered store as a folder would double its rows: say how to use the store instead. */
    static String tieredStore(Path store) {
        return store + " is a tiered store (iafbt.store): its index " + store.resolve("index.sqlite")
                + " keeps one row per handle, and indexing its bundles as a folder would add a second row"
                + " per backtest, so nothing was indexed. List or rank the store with -Diafbt.bundles=" + store
                + " (its own index is read as it is), and bring that index up to date from the bundles with"
                + " 'mvn iafbt:verify-store -Diafbt.store=" + store + " -Diafbt.repair=true'.";
    }
}
