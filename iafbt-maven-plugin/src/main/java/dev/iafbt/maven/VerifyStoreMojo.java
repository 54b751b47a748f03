package dev.iafbt.maven;

import dev.iafbt.index.TieredLayout;
import dev.iafbt.store.BacktestStore;
import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.store.StoreCheck;
import dev.iafbt.store.StoreException;
import dev.iafbt.store.StoreKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that every tier of a tiered store agrees with its bundles, the source of truth:
 * {@code mvn iafbt:verify-store -Diafbt.store=store} reports every disagreement (interrupted
 * writes, missing, stale or orphan index rows and Tier-2 partitions, temp files, missing chunks,
 * unreadable bundles); {@code -Diafbt.repair=true} fixes them from the bundles. Writers of the store
 * wait while it runs. What cannot be fixed from the bundles (missing chunks, unreadable bundles)
 * fails the build unless {@code -Diafbt.failOnError=false}; so do unrepaired findings. An
 * s3-tiered store ({@code s3://bucket/prefix}, Tier 1 in {@code iafbt.index}) is checked the same
 * way, with chunks whose bytes no longer match their SHA-256 name reported too.
 */
@Mojo(name = "verify-store", requiresProject = false, threadSafe = true)
public class VerifyStoreMojo extends AbstractStoreMojo {
    /**
     * The store's root folder: for a tiered store the one holding {@code bundles/} and
     * {@code index.sqlite}; for {@code local-dir} the folder of bundles; for an s3-tiered store its
     * {@code s3://bucket/prefix} (see {@code iafbt.s3.*}), with its Tier 1 in {@code index}.
     */
    @Parameter(property = "iafbt.store")
    String store;

    /** An s3-tiered store's Tier 1: {@code jdbc:postgresql://…} or a SQLite file (unused for a local store). */
    @Parameter(property = "iafbt.index")
    String index;

    /**
     * {@code local-dir} checks a plain folder of bundles (unreadable bundles, missing OHLCV chunks,
     * temp files older than an hour); unset or {@code local-tiered}: a tiered store.
     */
    @Parameter(property = "iafbt.storeKind")
    String storeKind;

        /** Fix what can be fixed from the bundles instead of only reporting it. */
    @Parameter(property = "iafbt.repair", defaultValue = "false")
    boolean repair;

    /** Fail the build when problems remain (after all are reported). */
    @Parameter(property = "iafbt.failOnError", defaultValue = "true")
    boolean failOnError;

    @Override
    protected String goal() {
        return "verify-store";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (store == null) {
            throw new MojoFailureException("Set iafbt.store to the tiered store's folder, for example"
                    + " -Diafbt.store=path/to/store (the folder holding bundles/ and index.sqlite).");
        }
        if (isS3(store)) {
            verifyObjectStore();
            return;
        }
        Path root = resolve(new File(store.strip()));
        StoreKind kind;
        try {
            kind = storeKind == null || storeKind.isBlank() ? StoreKind.LOCAL_TIERED : StoreKind.of(storeKind.strip());
        } catch (StoreException e) {
            throw new MojoFailureException("iafbt.storeKind: " + e.getMessage());
        }
        if (kind == StoreKind.S3_TIERED) {
            throw new MojoFailureException("iafbt.storeKind is s3-tiered, but iafbt.store is not an s3://bucket/prefix;"
                    + " set -Diafbt.store=s3://bucket/prefix");
        }
        if (kind == StoreKind.LOCAL_DIR && !Files.isDirectory(root)) {
            throw new MojoFailureException(root + " is not a folder. Set iafbt.store to the folder of bundles.");
        }
        if (kind == StoreKind.LOCAL_TIERED && (!Files.isDirectory(root) || !TieredLayout.isStoreRoot(root))) {
            throw new MojoFailureException(root + " is not a tiered store (no bundles/ beside index.sqlite or"
                    + " parquet/). Set iafbt.store to the store's root folder"
                    + (root.getFileName() != null && root.getFileName().toString().equals(TieredLayout.BUNDLES_DIR)
                            ? ", for example -Diafbt.store=" + root.getParent() : "")
                    + " (for a plain folder of bundles: -Diafbt.storeKind=local-dir).");
        }
        Log log = getLog();
        log.info((repair ? "Verifying and repairing " : "Verifying ") + (kind == StoreKind.LOCAL_DIR ? "folder" : "tiered")
                + " store " + root
                + (repair ? "" : " (-Diafbt.repair=true fixes what it finds from the bundles)"));
        StoreCheck check;
        try {
            BacktestStore opened = kind.open(root);
            check = repair ? opened.repair() : opened.verify();
        } catch (StoreException e) {
            throw new MojoExecutionException("iafbt:verify-store failed: " + e.getMessage(), e);
        }
        report(root.toString(), check);
    }

    private void verifyObjectStore() throws MojoExecutionException, MojoFailureException {
        IndexTarget tier1 = objectStoreTier1(store, index);
        try (ObjectTieredStore objects = openObjectStore(store.strip(), tier1)) {
            getLog().info((repair ? "Verifying and repairing " : "Verifying ") + "s3-tiered store "
                    + describeS3(store.strip()) + ", Tier 1 " + tier1.display()
                    + (repair ? "" : " (-Diafbt.repair=true fixes what it finds from the bundles)"));
            report(objects.root(), repair ? objects.repair() : objects.verify());
        } catch (StoreException e) {
            throw new MojoExecutionException("iafbt:verify-store failed: " + e.getMessage(), e);
        }
    }

    /** Logs what the check found and repaired; fails when problems remain (unless failOnError is off). */
    private void report(String root, StoreCheck check) throws MojoFailureException {
        Log log = getLog();
        check.repaired().forEach(p -> log.info("Repaired " + p));
        for (StoreCheck.Problem problem : check.problems()) {
            if (problem.kind().repairable()) {
                log.warn(problem.toString());
            } else {
                log.error(problem.toString());
            }
        }
        log.info(check.summary());
        if (!check.consistent()) {
            long repairable = check.problems().stream().filter(p -> p.kind().repairable()).count();
            String what = check.problems().size() + " problem(s) in " + root + " (see above)"
                    + (repairable > 0 ? "; " + repairable + " can be fixed with -Diafbt.repair=true" : "")
                    + (repairable < check.problems().size() ? "; missing or corrupt chunks and unreadable bundles cannot be"
                            + " fixed from the bundles: restore them, or write those backtests again" : "");
            if (failOnError) {
                throw new MojoFailureException(what + ". Set -Diafbt.failOnError=false to only warn.");
            }
            log.warn(what + ".");
        }
    }
}
