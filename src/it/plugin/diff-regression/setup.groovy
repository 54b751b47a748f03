// two sweeps written with iafbt itself: the regression is known by construction
import dev.iafbt.model.Backtest
import dev.iafbt.model.SummaryField
import java.nio.file.*

def sweep = { String folder, Map<String, Double> sharpes ->
    Path dir = Files.createDirectories(basedir.toPath().resolve(folder))
    sharpes.each { id, sharpe ->
        Backtest.builder(id).tag("sweep").summary(SummaryField.SHARPE_RATIO, sharpe)
                .summary(SummaryField.MAX_DRAWDOWN, 0.1d).build().save(dir)
    }
}
sweep("base", [a: 1.5d, b: 1.2d, c: 0.9d, gone: 0.5d])
sweep("head", [a: 1.45d, b: 0.8d, c: 1.3d, fresh: 1.0d])
return true
