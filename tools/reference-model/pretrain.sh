#!/usr/bin/env bash
# Pretrains AFT's reference model (a small Llama) from scratch on the synthetic curriculum, or resumes a run
# that was stopped: rerun the same command. Pretraining does not run in CI.
# Usage: tools/reference-model/pretrain.sh [--out models/aft-reference] [--work .aft/pretrain] [--seed 1]
#        [--tokens 9M] [--layers 4] [--hidden 256] [--heads 8] [--kv-heads 4] [--intermediate 576]
#        [--context 1024] [--vocab 8192] [--lr 1e-3] [--weight-decay 0.1] [--checkpoint-every 40] [--log-every 10]
#        [--stages FILE] [--init MODEL_FOLDER] [--keep-lr]
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
exec java -Dai.djl.offline=true -DDJL_CACHE_DIR="$DJL_CACHE_DIR" -Xmx4g -XX:ErrorFile="${TMPDIR:-/tmp}/aft-pretrain-hs_err_pid%p.log" ${JAVA_OPTS:-} \
    -cp "$module/target/classes:$(cat "$module/target/run.classpath")" \
    dev.aft.reference.pretraining.PretrainCommand "$@"
