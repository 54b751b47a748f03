// copies four bundles of the committed sample sweep into this project's backtests/
import java.nio.file.*

Path target = basedir.toPath().resolve("backtests")
Files.createDirectories(target)
["sma-crossover-f05-s050-sl2", "sma-crossover-f10-s100-sl5", "sma-crossover-f20-s150-sl2", "sma-crossover-f20-s200-sl5"].each {
    Files.copy(Paths.get(samplesDir).resolve(it + ".iafbt"), target.resolve(it + ".iafbt"))
}
return true
