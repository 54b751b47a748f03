// Runs only where the system Maven 3.8.7 is installed (/usr/share/maven on Debian and Ubuntu); a fresh machine skips it
File mvn = new File('/usr/share/maven/bin/mvn')
if (!mvn.canExecute()) {
    println "[iafbt] ${basedir.name} skipped: it builds with the system Maven 3.8.7 at ${mvn}, which this machine lacks"
    return false
}
return true
