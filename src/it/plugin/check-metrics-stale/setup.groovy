// two sample bundles: one refreshed by iafbt:recompute first, one left stale
evaluate(new File(itScripts, "refreshed-and-stale.groovy").text + "\nRefreshedAndStale.copy(basedir.toPath(), samplesDir)")
return true
