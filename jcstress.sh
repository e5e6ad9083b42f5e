#!/usr/bin/env bash
# Runs the jcstress tests of the frame's suspend/resume handshake (jcstress/): frames compiled by
# the processor, raced by jcstress on every pair of compilation modes. About 3 minutes on 2 cores
# in the default quick mode.
#
#   ./jcstress.sh                 quick mode (-m quick)
#   ./jcstress.sh -m default      jcstress's own options, instead of the defaults here
#
# Results: jcstress/target/results/index.html. Exits non-zero if a test saw a forbidden outcome.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q install -DskipTests -pl runtime,processor
mvn -B -q package -DskipTests -pl jcstress
ARGS=("$@")
[ ${#ARGS[@]} -gt 0 ] || ARGS=(-m quick)
mkdir -p jcstress/target/results
cd jcstress/target
java -jar jcstress.jar -r results "${ARGS[@]}" | tee results/run.log
! grep -q -E "^  (Failed|Error) tests: [^N]" results/run.log
