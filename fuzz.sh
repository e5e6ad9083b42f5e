#!/usr/bin/env bash
# The differential fuzzer (module fuzz/; this script cannot be named ./fuzz, the module directory
# has that name): generates random @Async programs, runs each as plain Java and through the
# processor under a random resume schedule, compares the traces.
#
#   ./fuzz.sh --programs N --seed S     N programs from run seed S; the last line is
#                                       "N programs, M mismatches, K rejected"; exit 1 if M or K > 0
#   ./fuzz.sh --help                    every option (schedules, shrinking, mutations, --print SEED, ...)
#
# Builds the runtime, the processor and the fuzzer from this tree first (mvn package, no tests),
# then runs from a private copy of them, so that a concurrent rebuild does not disturb a long run.
# JDK: $FUZZ_JAVA_HOME, else $JAVA_HOME, else the java on the PATH.
set -euo pipefail
cd "$(dirname "$0")"

if [ -n "${FUZZ_JAVA_HOME:-}" ]; then
  export JAVA_HOME="$FUZZ_JAVA_HOME"
fi
JAVA=java
if [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
fi

echo "== build" >&2
mvn -B -q package -DskipTests -pl fuzz -am >&2

RUNTIME_JAR=$(ls runtime/target/stackless-runtime-*.jar | grep -v -e sources -e javadoc | head -1)
PROCESSOR_JAR=$(ls processor/target/stackless-processor-*.jar | grep -v -e original -e sources -e javadoc | head -1)
CP="fuzz/target/classes:$RUNTIME_JAR:$PROCESSOR_JAR"

echo "== fuzz" >&2
exec "$JAVA" -Xss8m -cp "$CP" dev.stackless.fuzz.Fuzzer "$@"
