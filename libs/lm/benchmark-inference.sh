#!/usr/bin/env bash
# Builds libs/lm and times scoring, KV-cached generation (1 and 16 streams) and prefix-cached in-context
# scoring on a ~4M-parameter Llama. Usage: libs/lm/benchmark-inference.sh (MVN_FLAGS=-o to build offline;
# JAVA_OPTS=-Daft.lm.keep-tensor-memory=false to time glibc's default allocator settings).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="libs/lm/target/benchmark.classpath"
./mvnw -B -q ${MVN_FLAGS:-} -pl libs/lm compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime
exec java ${JAVA_OPTS:-} -Dai.djl.offline=true -DDJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}" -Xmx2g \
    -cp "libs/lm/target/classes:$(cat "$classpath_file")" dev.aft.lm.bench.InferenceBenchmark
