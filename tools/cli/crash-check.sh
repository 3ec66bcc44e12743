#!/usr/bin/env bash
# Kills one service (SIGKILL, no shutdown hooks) in the middle of an experiment, starts it again, and checks that
# the experiment still completes with exactly one evaluation per condition and one result per condition and split.
#
# Usage: tools/cli/crash-check.sh SERVICE [--model ID] [--after-seconds 30] [--spec tools/cli/demo/simple-reversals.json]
#   SERVICE: dataset-service, augment-service, finetune-service, eval-service, model-service or report-service.
# Starts the stack with ./aft up when it is not up. Needs curl and jq. Exit status 0 only when every check holds.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
# ./aft's helpers (http, start_experiment, follow, ...) without running a command.
say() { printf '%s\n' "$*"; }
fail() { printf 'crash-check: %s\n' "$*" >&2; exit 1; }
source tools/cli/experiments.sh

service="" model=aft-reference after=30 spec=tools/cli/demo/simple-reversals.json
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2; shift 2 ;;
    --after-seconds) after=$2; shift 2 ;;
    --spec) spec=$2; shift 2 ;;
    -h | --help) sed -n 2,8p "$0"; exit 0 ;;
    -*) fail "unknown option $1" ;;
    *) service=$1; shift ;;
  esac
done
case "$service" in
  dataset-service | augment-service | finetune-service | eval-service | model-service | report-service) ;;
  *) fail "name the service to kill: dataset-service, augment-service, finetune-service, eval-service, model-service or report-service" ;;
esac
need_tools
./aft status | grep -q "^${service%-service} *running" || ./aft up

body=$(jq -c --arg model "$model" '.plan.model.baseModel = $model | .name = "crash check"' "$spec")
id=$(start_experiment "$body")
say "started experiment $id; killing $service in $after s"
sleep "$after"
pid=$(cat ".aft/run/$service.pid")
kill -9 "$pid"
say "killed $service (pid $pid, SIGKILL) at $(date -u +%H:%M:%S); report before the kill's effects:"
curl -fsS "$REPORT_URL/experiments/$id/report" 2>/dev/null | jq -r '.stages[] | "  \(.key) \(.state)"' || true
sleep 3
./aft up >/dev/null
say "$service started again at $(date -u +%H:%M:%S)"
follow 30 "$id" >/dev/null || fail "the experiment did not finish within 30 minutes after the restart"

# Checks: the report says completed; one evaluation per planned condition (eval-service's own records), each
# completed; one table cell per condition and split.
http GET "$REPORT_URL/experiments/$id/report"
report=$HTTP_BODY
status=$(jq -r '.status' <<<"$report")
http GET "$EVAL_URL/evaluations?experimentId=$id"
evaluations=$HTTP_BODY
planned=$(jq -c '.plan.evaluation.conditions | sort' <<<"$body")
per_condition=$(jq -c '[.[] | select(.replayOf == null)] | group_by(.condition) | map({condition: .[0].condition, count: length, states: (map(.state) | unique)})' <<<"$evaluations")
evaluated=$(jq -c '[.[] | select(.replayOf == null) | .condition] | sort' <<<"$evaluations")
duplicates=$(jq '[.table | group_by([.condition, .split])[] | select(length > 1)] | length' <<<"$report")
cells=$(jq '.table | length' <<<"$report")
splits=$(jq '.splits | length' <<<"$report")
say "status $status; evaluations per condition: $per_condition; table cells $cells for $(jq length <<<"$planned") conditions x $splits splits"
ok=1
[ "$status" = completed ] || { say "FAIL: status is $status, not completed"; ok=0; }
[ "$evaluated" = "$planned" ] || { say "FAIL: evaluated conditions $evaluated, planned $planned (exactly one each)"; ok=0; }
jq -e 'all(.[]; .states == ["completed"])' <<<"$per_condition" >/dev/null || { say "FAIL: an evaluation is not completed"; ok=0; }
[ "$duplicates" = 0 ] || { say "FAIL: $duplicates condition/split cells appear more than once"; ok=0; }
[ "$cells" = $(( $(jq length <<<"$planned") * splits )) ] || { say "FAIL: $cells table cells"; ok=0; }
[ "$ok" = 1 ] || exit 1
say "PASS: $service killed mid-run and restarted; experiment $id completed with exactly one evaluation per condition"
