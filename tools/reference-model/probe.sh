#!/usr/bin/env bash
# Probes a pretrained reference model's abilities on held-out worlds, in-process (no services): multiple-choice
# accuracy with no context and in context on simple-reversals and simple-syllogisms, per split, next to chance;
# then a sample of local augmentations checked against the world's ground truth.
# Usage: tools/reference-model/probe.sh MODEL_FOLDER [worlds (1)] [facts per world (24)] [augmentation sentences and focus documents (20)]
#        [explained items per split (0)] [fine-tuning steps (0): also fine-tune on each held-out world's documents]
# (MVN_FLAGS=-o to build offline; SKIP_BUILD=1 to reuse the last build; JAVA_OPTS for the JVM)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
module=tools/reference-model
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # Full plugin coordinates: a prefix is not resolvable offline for every module of the reactor.
    ./mvnw -B -q ${MVN_FLAGS:-} -pl "$module" -am compile \
        org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
        -Dmdep.outputFile=target/run.classpath -Dmdep.includeScope=runtime
fi
export DJL_OFFLINE=true DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
exec java -Dai.djl.offline=true -DDJL_CACHE_DIR="$DJL_CACHE_DIR" -Xmx3g -XX:ErrorFile="${TMPDIR:-/tmp}/aft-probe-hs_err_pid%p.log" ${JAVA_OPTS:-} \
    -cp "$module/target/classes:$(cat "$module/target/run.classpath")" \
    dev.aft.reference.probe.AbilityProbe "$@"
