evaluate(new File(itScripts, "gc-store.groovy").text + "\nGcStore.create(basedir.toPath().resolve('store'))")
return true
