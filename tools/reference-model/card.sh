#!/usr/bin/env bash
# Measures a served model's abilities the way the model card reports them: through the platform itself.
# For each held-out world (a fresh evaluation seed: the curriculum's seeds are >= 2^40) it starts the study's
# experiment on dataset-service (all six conditions), waits for every evaluation, and collects what the
# services measured: accuracy per condition and split next to chance (eval-service), augmentation precision
# and coverage against the world's ground truth (augment-service), fine-tuning steps, loss and time
# (finetune-service). Everything reaches the model through model-service's OpenAI-compatible API.
#
# Usage: tools/reference-model/card.sh [--model aft-reference] [--out .aft/card] [--timeout-minutes 240]
#        [--no-up] [WORLD ...]
#   WORLD: family:seed[:parameters-json[:icl-context]], default the card's three worlds (below).
# Needs curl and jq. Starts the stack with ./aft up unless --no-up (then the services must run on ./aft's ports).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

model=aft-reference
out=.aft/card
timeout_minutes=240
up=1
worlds=()
while [ $# -gt 0 ]; do
    case "$1" in
        --model) model=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --timeout-minutes) timeout_minutes=$2; shift 2 ;;
        --no-up) up=0; shift ;;
        -h|--help) sed -n 2,13p "$0"; exit 0 ;;
        -*) echo "card.sh: unknown option $1" >&2; exit 2 ;;
        *) worlds+=("$1"); shift ;;
    esac
done
if [ ${#worlds[@]} -eq 0 ]; then
    # One article per fact and 50 facts: the whole training set fits the 1,024-token context (icl: all).
    worlds=('simple-reversals:7001:{"facts":50,"articlesPerFact":1}:all'
            'simple-syllogisms:7001:{"examples":24}:all'
            'semantic-structure:7001:{"categories":30,"documents":60,"holdoutCategories":3}:retrieve')
fi
for tool in curl jq; do
    command -v "$tool" >/dev/null || { echo "card.sh: $tool is required" >&2; exit 2; }
done

dataset_url=http://127.0.0.1:8081
augment_url=http://127.0.0.1:8082
finetune_url=http://127.0.0.1:8083
eval_url=http://127.0.0.1:8084
model_url=http://127.0.0.1:8085

if [ "$up" = 1 ]; then
    ./aft up
fi
if ! curl -fsS "$model_url/v1/models" | jq -e --arg m "$model" 'any(.data[]; .id == $m)' >/dev/null; then
    echo "card.sh: model-service at $model_url does not serve '$model'" \
         "(the reference model is served from models/aft-reference when that folder exists)" >&2
    exit 1
fi
mkdir -p "$out"
started_at=$(date +%s)

# Start one experiment per world.
experiments=()
families=()
for world in "${worlds[@]}"; do
    IFS=: read -r family seed rest <<<"$world"
    parameters='{}'
    context=all
    if [ -n "${rest:-}" ]; then
        # parameters are JSON (may hold colons); the optional icl context is the last field
        if [[ "$rest" =~ ^(.*\}):([a-z]+)$ ]]; then
            parameters=${BASH_REMATCH[1]}
            context=${BASH_REMATCH[2]}
        else
            parameters=$rest
        fi
    fi
    body=$(jq -n --arg family "$family" --argjson seed "$seed" --argjson parameters "$parameters" \
        --arg model "$model" --arg context "$context" '{
            name: ("model card: " + $family + " " + ($seed | tostring)),
            dataset: {family: $family, seed: $seed, parameters: $parameters},
            plan: {
                model: {baseModel: $model, backend: "model-service"},
                augment: {strategies: ["local", "global"], samplesPerPrompt: 1, temperature: 0, seed: 1234},
                finetune: {conditions: ["ft", "ft+local", "ft+global", "ft+local+global"],
                           splitting: "independent",
                           hyperparameters: {steps: 300, batchSize: 16, learningRate: 0.0003, method: "full",
                                             seed: 1234},
                           dataMatched: true},
                evaluation: {conditions: ["pretrained", "icl", "ft", "ft+local", "ft+global", "ft+local+global"]},
                icl: {context: $context, subsampleFactor: 1, seed: 1234}
            }}')
    answer=$(curl -sS -XPOST "$dataset_url/experiments" -H 'Content-Type: application/json' -d "$body" \
        -w '\n%{http_code}')
    code=${answer##*$'\n'}
    answer=${answer%$'\n'*}
    if [ "$code" != 201 ]; then
        echo "card.sh: dataset-service refused $family:$seed ($code): $answer" >&2
        exit 1
    fi
    id=$(jq -r '.experimentId' <<<"$answer")
    echo "started $family (seed $seed, icl $context): experiment $id"
    experiments+=("$id")
    families+=("$family")
done

# Wait for six finished evaluations per experiment, showing progress.
deadline=$((started_at + timeout_minutes * 60))
while :; do
    done_all=1
    line=""
    for id in "${experiments[@]}"; do
        finished=$(curl -fsS "$eval_url/evaluations?experimentId=$id" |
            jq '[.[] | select(.replayOf == null and (.state == "completed" or .state == "failed"))] | length')
        augmented=$(curl -fsS "$augment_url/augmentations?experimentId=$id" |
            jq '[.[] | select(.state == "completed" or .state == "failed")] | length')
        trained=$(curl -fsS "$finetune_url/runs?experimentId=$id" |
            jq '[.[] | select(.state == "succeeded" or .state == "failed")] | length')
        line+=" | ${id:0:8}: aug $augmented/2 ft $trained/4 eval $finished/6"
        [ "$finished" -ge 6 ] || done_all=0
    done
    printf '\r%s %s' "$(date -u +%H:%M:%S)" "$line"
    [ "$done_all" = 1 ] && break
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo
        echo "card.sh: not finished after $timeout_minutes minutes; partial results follow" >&2
        break
    fi
    sleep 10
done
echo

# Collect what the services measured.
for i in "${!experiments[@]}"; do
    id=${experiments[$i]}
    jq -n --arg id "$id" --arg family "${families[$i]}" \
        --argjson experiment "$(curl -fsS "$dataset_url/experiments/$id")" \
        --argjson evaluations "$(curl -fsS "$eval_url/evaluations?experimentId=$id")" \
        --argjson augmentations "$(curl -fsS "$augment_url/augmentations?experimentId=$id")" \
        --argjson runs "$(curl -fsS "$finetune_url/runs?experimentId=$id")" \
        '{experimentId: $id, family: $family, experiment: $experiment, evaluations: $evaluations,
          augmentations: $augmentations, runs: $runs}' >"$out/$id.json"
done
files=()
for id in "${experiments[@]}"; do files+=("$out/$id.json"); done
jq -s --arg model "$model" --argjson seconds $(( $(date +%s) - started_at )) \
    '{model: $model, wallSeconds: $seconds, experiments: .}' "${files[@]}" >"$out/card.json"

# The card's tables, from card.json.
jq -r '
  def pct: if . == null then "-" else (. * 1000 | round / 10 | tostring) end;
  def sec: if . == null then "-" else (. / 1000 | round | tostring) + " s" end;
  "### Accuracy % ± standard error by condition and split (eval-service; chance from the options)\n",
  "| family | split | n | chance | pretrained | icl | ft | ft+local | ft+global | ft+local+global |",
  "|---|---|---|---|---|---|---|---|---|---|",
  (.experiments[] | . as $e
    | $e.family as $family
    | [$e.evaluations[] | select(.replayOf == null and .state == "completed")] as $evs
    | ([$evs[] | .metrics[]? | select(.subType == null) | .split] | unique) as $splits
    | $splits[] as $split
    | ([$evs[] | .metrics[]? | select(.subType == null and .split == $split)][0]) as $m0
    | "| \($family) | \($split) | \($m0.n) | \($m0.chance | pct) | "
      + ([ ("pretrained", "icl", "ft", "ft+local", "ft+global", "ft+local+global") as $c
           | ([$evs[] | select(.condition == $c) | .metrics[]? | select(.subType == null and .split == $split)][0])
           | if . == null then "-" else "\(.acc | pct) ± \(.stderr | pct)" end ] | join(" | "))
      + " |"),
  "",
  "### Augmentation (augment-service; precision: % of kept statements true in the world; coverage: % of the valid inferences stated)\n",
  "| family | strategy | state | statements | precision | coverage | of | time |",
  "|---|---|---|---|---|---|---|---|",
  (.experiments[] | . as $e | $e.augmentations[]
    | "| \($e.family) | \(.strategy) | \(.state) | \(.counts.kept // .counts.statements // "-") | \(.precision | pct) | \(.coverage | pct) | \(.coverageOf // "-") | \(.durationMillis | sec) |"),
  "",
  "### Fine-tuning (finetune-service through model-service)\n",
  "| family | condition | state | steps | tokens | final loss | time |",
  "|---|---|---|---|---|---|---|",
  (.experiments[] | . as $e | $e.runs[]
    | "| \($e.family) | \(.condition) | \(.state) | \(.hyperparameters.steps // "-") | \(.tokens // "-") | \(.finalLoss // "-" | if type == "number" then (. * 1000 | round / 1000) else . end) | \(.durationMillis | sec) |"),
  "",
  "In-context prompts: " + ([.experiments[] | .evaluations[] | select(.condition == "icl" and .context != null)
     | "\(.context.selection) \(.context.documents) documents, \(.context.tokens) tokens"] | join("; "))
' "$out/card.json" | tee "$out/card.md"
echo "raw results: $out/card.json; tables: $out/card.md"
