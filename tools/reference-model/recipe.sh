#!/usr/bin/env bash
# The reference model's recipe: seven pretraining runs, each continuing the previous one's model (--init), with
# the stages in tools/reference-model/recipe/. One command, deterministic (seed 1 throughout), resumable: stop it
# at any point and run it again; finished runs and stages are skipped. Pretraining does not run in CI.
# Usage: tools/reference-model/recipe.sh [--out models/aft-reference] [--work .aft/recipe]
# (MVN_FLAGS=-o to build offline; SKIP_BUILD=1 to reuse the last build; JAVA_OPTS for the JVM)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out=models/aft-reference
work=.aft/recipe
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        *) echo "Usage: tools/reference-model/recipe.sh [--out models/aft-reference] [--work .aft/recipe]" >&2; exit 2 ;;
    esac
done
recipe=tools/reference-model/recipe
pretrain=tools/reference-model/pretrain.sh
# 1. copying and short in-context episodes from a fresh initialization (the peak learning rate is kept: run 2
#    continues it)
"$pretrain" --seed 1 --tokens 9M --keep-lr --stages "$recipe/1-foundation.json" \
    --work "$work/1-work" --out "$work/1-model"
export SKIP_BUILD=1
# 2. key-value recall and copying, 128-token sequences
"$pretrain" --seed 1 --tokens 600k --init "$work/1-model" --stages "$recipe/2-recall.json" \
    --work "$work/2-work" --out "$work/2-model"
# 3. looking facts up among 1-3 documents, recall and copying, 128-token sequences
"$pretrain" --seed 1 --tokens 4M --init "$work/2-model" --stages "$recipe/3-lookup.json" \
    --work "$work/3-work" --out "$work/3-model"
# 4. augment-service's local and global prompts, in-context episodes of up to 6 documents, at half the learning rate
"$pretrain" --seed 1 --tokens 2.4M --lr 5e-4 --init "$work/3-model" --stages "$recipe/4-augment.json" \
    --work "$work/4-work" --out "$work/4-model"
"$pretrain" --seed 1 --tokens 3M --lr 5e-4 --init "$work/4-model" --stages "$recipe/5-restate.json" \
    --work "$work/5-work" --out "$work/5-model"
"$pretrain" --seed 1 --tokens 3M --lr 3e-4 --init "$work/5-model" --stages "$recipe/6-documents.json" \
    --work "$work/6-work" --out "$work/6-model"
# 7. local prompts of comparison worlds (a comparative turned into its opposite), 20%, beside the run-6 mix
"$pretrain" --seed 1 --tokens 2500000 --lr 5e-4 --init "$work/6-model" --stages "$recipe/7-comparisons.json" \
    --work "$work/7-work" --out "$out"
python3 - "$work" "$out" <<'PY'
import json, sys
work, out = sys.argv[1], sys.argv[2]
runs = [json.load(open(f"{work}/{n}-model/pretraining.json")) for n in (1, 2, 3, 4, 5, 6)] + [json.load(open(f"{out}/pretraining.json"))]
steps = sum(r["steps"] for r in runs); tokens = sum(r["tokens"] for r in runs); seconds = sum(r["trainingSeconds"] for r in runs)
print(f"recipe: {len(runs)} runs, {steps:,} steps, {tokens/1e6:.2f}M tokens, training time {seconds//3600}:{seconds%3600//60:02d}:{seconds%60:02d}")
PY
