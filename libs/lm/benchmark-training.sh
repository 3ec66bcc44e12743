#!/usr/bin/env bash
# Builds libs/lm and times full and LoRA fine-tuning of a ~4M-parameter Llama (batch 16 x 128 tokens).
# Usage: libs/lm/benchmark-training.sh [measured steps] [warm-up steps] [full|lora|both]
# (MVN_FLAGS=-o to build offline)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="libs/lm/target/benchmark.classpath"
./mvnw -B -q ${MVN_FLAGS:-} -pl libs/lm compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime
exec java -Dai.djl.offline=true -DDJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}" -Xmx2g \
    ${JAVA_OPTS:-} -cp "libs/lm/target/classes:$(cat "$classpath_file")" dev.aft.lm.bench.TrainingBenchmark "$@"
