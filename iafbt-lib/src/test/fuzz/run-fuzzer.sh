#!/usr/bin/env bash
# Fuzzes the reader with Jazzer's own driver for a given time (docs/reliability.md).
#   iafbt-lib/src/test/fuzz/run-fuzzer.sh SECONDS [WORKDIR]
# Run from the project root. The classes are copied to WORKDIR first, so rebuilding the project
# while it runs changes nothing; the corpus, the log (fuzz.log) and any findings stay in WORKDIR
# (default target/fuzz). Findings are reproduced by copying them into
# iafbt-lib/src/test/resources/dev/iafbt/fuzz/ReaderFuzzTestInputs/bundleOrDocument/,
# where every build replays them.
set -euo pipefail
seconds=${1:?usage: run-fuzzer.sh SECONDS [WORKDIR]}
work=$(realpath -m "${2:-target/fuzz}")
mvn=(./mvnw -B -q)
[[ -n "${MAVEN_REPO_LOCAL:-}" ]] && mvn+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
"${mvn[@]}" -pl iafbt-lib -am test-compile
"${mvn[@]}" -pl iafbt-lib dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work.cp"
mkdir -p "$work/corpus" "$work/findings"
rm -rf "$work/classes" "$work/test-classes"
cp -r iafbt-lib/target/classes "$work/classes"
cp -r iafbt-lib/target/test-classes "$work/test-classes"
cp iafbt-lib/src/test/resources/dev/iafbt/fuzz/ReaderFuzzTestInputs/bundleOrDocument/* "$work/corpus/"
cd "$work"
echo "fuzzing for $seconds s; log: $work/fuzz.log"
java -Xmx256m -cp "test-classes:classes:$(cat "$work.cp")" \
  com.code_intelligence.jazzer.Jazzer --target_class=dev.iafbt.fuzz.ReaderFuzzTargets \
  '--instrumentation_includes=dev.iafbt.**:org.msgpack.**' --keep_going=100 \
  -max_total_time="$seconds" -max_len=8192 -timeout=20 -artifact_prefix=findings/ corpus > fuzz.log 2>&1 && status=0 || status=$?
grep -E "INITED|DONE|== Java Exception" fuzz.log || true
exit "$status"
