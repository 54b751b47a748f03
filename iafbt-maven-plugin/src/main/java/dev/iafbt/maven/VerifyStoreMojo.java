package dev.iafbt.maven;

import dev.iafbt.index.TieredLayout;
import dev.iafbt.store.LocalTieredStore;
import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.store.StoreCheck;
import dev.iafbt.store.StoreException;
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
     * The tiered store: its root folder (the one holding {@code bundles/} and {@code index.sqlite}),
     * or an s3-tiered store's {@code s3://bucket/prefix} (see {@code iafbt.s3.*}) with its Tier 1 in
     * {@code index}.
     */
    @Parameter(property = "iafbt.store")
    String store;

    /** An s3-tiered store's Tier 1: {@code jdbc:postgresql://…} or a SQLite file (unused for a local store). */
    @Parameter(property = "iafbt.index")
    String index;

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
            IndexTarget tier1 = objectStoreTier1(store, index);
            try (ObjectTieredStore objects = openObjectStore(store.strip(), tier1)) {
                getLog().info((repair ? "Verifying and repairing " : "Verifying ") + "s3-tiered store "
                        + describeS3(store.strip()) + ", Tier 1 " + tier1.display()
                        + (repair ? "" : " (-Diafbt.repair=true fixes what it finds from the bundles)"));
                report(objects.root(), repair ? objects.repair() : objects.verify());
            } catch (StoreException e) {
                throw new MojoExecutionException("iafbt:verify-store failed: " + e.getMessage(), e);
            }
            return;
        }
        Path root = resolve(new File(store.strip()));
        if (!Files.isDirectory(root) || !TieredLayout.isStoreRoot(root)) {
            throw new MojoFailureException(root + " is not a tiered store (no bundles/ beside index.sqlite or"
                    + " parquet/). Set iafbt.store to the store's root folder"
                    + (root.getFileName() != null && root.getFileName().toString().equals(TieredLayout.BUNDLES_DIR)
                            ? ", for example -Diafbt.store=" + root.getParent() : "") + ".");
        }
        Log log = getLog();
        log.info((repair ? "Verifying and repairing " : "Verifying ") + "tiered store " + root
                + (repair ? "" : " (-Diafbt.repair=true fixes what it finds from the bundles)"));
        StoreCheck check;
        try {
            LocalTieredStore tiered = new LocalTieredStore(root);
            check = repair ? tiered.repair() : tiered.verify();
        } catch (StoreException e) {
            throw new MojoExecutionException("iafbt:verify-store failed: " + e.getMessage(), e);
        }
        report(root.toString(), check);
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
