import java.nio.file.*
evaluate(new File(itScripts, "gc-store.groovy").text + "\nGcStore.create(basedir.toPath().resolve('store'))")
Path bundle = basedir.toPath().resolve("store/bundles/sweep/b.iafbt")
byte[] bytes = Files.readAllBytes(bundle)
Files.write(bundle, Arrays.copyOf(bytes, 20)) // truncated: its references are unknown
return true
