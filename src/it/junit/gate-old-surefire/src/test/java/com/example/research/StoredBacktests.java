package com.example.research;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SummaryField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Stands in for a research repo's committed results: writes the bundles into target/backtests so
 * the IT needs no binary files in git.
 */
final class StoredBacktests {
    static final Path DIR = Path.of("target/backtests");

    private StoredBacktests() {
    }

    static void write(String algorithmId, double sharpe, double maxDrawdown, long trades) throws Exception {
        Files.createDirectories(DIR);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Instant end = Instant.parse("2024-12-31T00:00:00Z");
        Backtest.builder(algorithmId).tag("it")
                .summary(SummaryField.SHARPE_RATIO, sharpe)
                .summary(SummaryField.MAX_DRAWDOWN, maxDrawdown)
                .summary(SummaryField.NUMBER_OF_TRADES, trades)
                .run(RunBuilder.window(start, end).snapshot(start, 1000).snapshot(end, 1100)
                        .metrics(MetricsBuilder.window(start, end).sharpeRatio(sharpe)))
                .build().save(DIR);
    }
}
