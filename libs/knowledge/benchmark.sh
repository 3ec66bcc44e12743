#!/usr/bin/env bash
# Builds libs/knowledge and times the generation of every dataset family at its default size.
# Usage: libs/knowledge/benchmark.sh   (from anywhere; pass -o through MVN_FLAGS to build offline)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="libs/knowledge/target/benchmark.classpath"
./mvnw -B -q ${MVN_FLAGS:-} -pl libs/knowledge compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime
exec java -cp "libs/knowledge/target/classes:$(cat "$classpath_file")" dev.aft.knowledge.GenerationBenchmark
