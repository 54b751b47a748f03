package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunTest {
    @TempDir
    Path project;

    private static final List<MetricRule> SHARPE_AT_LEAST_1 = List.of(MetricRule.summary("sharpe_ratio", 1, Double.NaN, Set.of()));

    private Path bundle(String folder, String id, double sharpe) throws IOException {
        Path dir = Files.createDirectories(project.resolve(folder));
        return Backtest.builder(id).tag(folder).summary(SummaryField.SHARPE_RATIO, sharpe).build().save(dir);
    }

    private CheckSettings settings(String pattern, Optional<BaselineSettings> baseline, Optional<RoundTripCache> cache) {
        return new CheckSettings(List.of(pattern), project, SHARPE_AT_LEAST_1, List.of(), baseline, true, cache,
                false, "allow it", 2);
    }

    private BaselineSettings baseline(boolean update) {
        return BaselineSettings.of(project.resolve("baseline.csv"), "baseline.csv", 0, List.of(), SHARPE_AT_LEAST_1, update, true);
    }

    /** Every result of a run: per bundle, then the closing ones. */
    private static List<CheckResult> results(CheckRun run) {
        return Stream.concat(run.verdicts().flatMap(v -> v.checks().stream()), run.closingChecks()).toList();
    }

    private static List<String> failures(CheckRun run) {
        return results(run).stream().filter(CheckResult::isFailure).map(CheckResult::message).toList();
    }

    @Test
    void aMissingBaselineIsOneFailureSayingHowToCreateIt() throws IOException {
        bundle("backtests", "a", 1.5);
        bundle("backtests", "b", 1.2);

        CheckRun run = new CheckRun(settings("backtests", Optional.of(baseline(false)), Optional.empty()));

        assertThat(failures(run)).singleElement().asString()
                .startsWith("baseline.csv does not exist (" + project.resolve("baseline.csv") + "). Record the current values"
                        + " of 2 bundle(s) with -Diafbt.baseline.update=true");
    }

    @Test
    void theUpdateSaysWhatItWroteAndChanged() throws IOException {
        bundle("backtests", "a", 1.5);
        bundle("backtests", "b", 1.2);
        BaselineFile.write(project.resolve("baseline.csv"), java.util.Map.of("b", java.util.Map.of("sharpe_ratio", 1.0),
                "gone", java.util.Map.of("sharpe_ratio", 2.0)));

        List<CheckResult> results = results(new CheckRun(settings("backtests", Optional.of(baseline(true)), Optional.empty())));

        assertThat(results).last().extracting(CheckResult::message).asString().isEqualTo(
                "Wrote baseline " + project.resolve("baseline.csv") + ": 2 algorithm id(s) x 1 metric(s)\n"
                        + "  added (1): a\n  changed (1): b sharpe_ratio 1 -> 1.2\n  removed (1): gone\n"
                        + "Review the diff and commit it.");
        assertThat(failures(new CheckRun(settings("backtests", Optional.of(baseline(false)), Optional.empty())))).isEmpty();
    }

    @Test
    void checksOverTheSameBundlesShareABaselineAndOthersAreRefusedClearly() throws IOException {
        bundle("momentum", "m", 1.5);
        bundle("carry", "c", 1.5);
        assertThat(failures(new CheckRun(settings("momentum/", Optional.of(baseline(true)), Optional.empty())))).isEmpty();
        assertThat(failures(new CheckRun(settings("momentum", Optional.of(baseline(true)), Optional.empty())))).isEmpty();
        assertThat(failures(new CheckRun(settings("momentum", Optional.of(baseline(false)), Optional.empty())))).isEmpty();

        List<String> compare = failures(new CheckRun(settings("carry", Optional.of(baseline(false)), Optional.empty())));
        List<String> update = failures(new CheckRun(settings("carry", Optional.of(baseline(true)), Optional.empty())));

        assertThat(compare).singleElement().asString().isEqualTo("baseline.csv is the baseline of the check over bundles"
                + " [momentum], but this check reads [carry]. Checks over different bundles cannot share a baseline file"
                + " (each would report the other's entries as orphans, and each update would erase them): give this check"
                + " its own file, or, if you changed its bundles on purpose, rewrite it with -Diafbt.baseline.update=true.");
        assertThat(update).singleElement().asString().endsWith("give this check its own file.");
        assertThat(BaselineFile.read(project.resolve("baseline.csv"))).containsOnlyKeys("m");
    }

    @Test
    void aVerifiedRoundTripIsRememberedOnDiskByContentAndVersion() throws IOException {
        Path file = bundle("backtests", "remembered", 1.5);
        RoundTripCache cache = RoundTripCache.in(project.resolve("target/iafbt/roundtrip-cache"));

        CheckRun first = new CheckRun(settings("backtests", Optional.empty(), Optional.of(cache)));
        assertThat(failures(first)).isEmpty();
        assertThat(first.roundTrips()).isEqualTo(new RoundTripCounts(1, 0));
        CheckRun second = new CheckRun(settings("backtests", Optional.empty(), Optional.of(cache)));
        assertThat(failures(second)).isEmpty();
        assertThat(second.roundTrips()).isEqualTo(new RoundTripCounts(0, 1));

        Path versionDir = cache.directory().orElseThrow();
        assertThat(versionDir.getParent()).isEqualTo(project.resolve("target/iafbt/roundtrip-cache"));
        assertThat(versionDir.getFileName().toString()).isNotBlank().isNotEqualTo("unknown");
        assertThat(versionDir.resolve(RoundTripCache.hash(Files.readAllBytes(file)))).exists();
    }

    @Test
    void aRememberedResultIsTrustedInsteadOfReEncoding() throws IOException {
        Path file = bundle("backtests", "recompressed", 1.5);
        recompressAtLevel3(file);
        RoundTripCache cache = RoundTripCache.in(project.resolve("cache"));
        // what a previous run would have left, had it verified these bytes: proves the bytes are not re-encoded
        Path marker = cache.directory().orElseThrow().resolve(RoundTripCache.hash(Files.readAllBytes(file)));
        Files.createDirectories(marker.getParent());
        Files.createFile(marker);

        assertThat(failures(new CheckRun(settings("backtests", Optional.empty(), Optional.of(cache))))).isEmpty();
        assertThat(failures(new CheckRun(settings("backtests", Optional.empty(), Optional.empty()))))
                .singleElement().asString().contains("round trip is not byte-identical");
    }

    @Test
    void theSameBytesAreReEncodedOncePerJvmAndFailuresAreNeverWrittenToDisk() throws IOException {
        Path file = bundle("backtests", "level3", 1.5);
        recompressAtLevel3(file);
        Files.copy(file, project.resolve("backtests/copy.iafbt"));
        RoundTripCache cache = RoundTripCache.in(project.resolve("cache"));

        List<String> failures = failures(new CheckRun(settings("backtests", Optional.empty(), Optional.of(cache))));

        assertThat(failures).hasSize(2).allSatisfy(message -> assertThat(message).contains("in the zstd frame only"));
        assertThat(failures.get(0)).startsWith("backtests/copy.iafbt: round trip");
        assertThat(failures.get(1)).startsWith("backtests/level3.iafbt: round trip");
        assertThat(cache.known(RoundTripCache.hash(Files.readAllBytes(file)))).hasValueSatisfying(
                difference -> assertThat(difference).isPresent());
        assertThat(cache.directory().orElseThrow().resolve(RoundTripCache.hash(Files.readAllBytes(file)))).doesNotExist();
    }

    private static void recompressAtLevel3(Path bundle) throws IOException {
        byte[] file = Files.readAllBytes(bundle);
        byte[] raw = BundleContainer.decompress(file, bundle.toString(), ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        byte[] frame = BundleContainer.compress(raw, 3);
        byte[] header = BundleContainer.header(2);
        byte[] out = new byte[header.length + frame.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(frame, 0, out, header.length, frame.length);
        Files.write(bundle, out);
    }
}
