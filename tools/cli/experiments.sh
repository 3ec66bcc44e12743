# Experiment commands of ./aft (sourced by it): run a spec, follow an experiment, print its report, the demo,
# replays. They talk to the services' HTTP APIs on ./aft's ports (AFT_*_URL override them) and need curl and jq.

DATASET_URL=${AFT_DATASET_URL:-http://127.0.0.1:8081}
EVAL_URL=${AFT_EVAL_URL:-http://127.0.0.1:8084}
MODEL_URL=${AFT_MODEL_URL:-http://127.0.0.1:8085}
REPORT_URL=${AFT_REPORT_URL:-http://127.0.0.1:8080}
DEMO_SPECS="$ROOT/tools/cli/demo"
# How an experiment ends, as report-service says it.
FINAL_STATUSES=" completed completed-with-failures incomplete "

need_tools() {
  local tool
  for tool in curl jq; do
    command -v "$tool" >/dev/null || fail "$tool is required for this command (e.g. apt-get install -y $tool)"
  done
}

# http METHOD URL [JSON-BODY]: sets HTTP_CODE and HTTP_BODY; fails readably when nothing answers.
http() {
  local answer
  local data=()
  [ $# -ge 3 ] && data=(-H 'Content-Type: application/json' --data-binary "$3")
  if ! answer=$(curl -sS -X "$1" "$2" "${data[@]}" -w '\n%{http_code}' 2>&1); then
    fail "nothing answers at ${2%%\?*} ($(head -n 1 <<<"$answer")); is the stack up? (./aft up)"
  fi
  HTTP_CODE=${answer##*$'\n'}
  HTTP_BODY=${answer%$'\n'*}
}

# The reason a service gave for refusing a request: its {"error", "field", "message"} body, or the raw body.
refusal() {
  jq -r 'if type == "object" and .message then ((if .field then .field + ": " else "" end) + .message)
         else tostring end' <<<"$HTTP_BODY" 2>/dev/null || printf '%s' "$HTTP_BODY"
}

# A spec file (JSON, or YAML when python3 with PyYAML is there) as compact JSON.
spec_json() {
  local file=$1
  [ -f "$file" ] || fail "no such spec file: $file"
  case "$file" in
    *.yaml | *.yml)
      python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)' "$file" 2>/dev/null ||
        fail "cannot read $file as YAML (needs python3 with PyYAML; or write the spec as JSON)"
      ;;
    *) jq -c . "$file" 2>/dev/null || fail "$file is not valid JSON" ;;
  esac
}

# start_experiment JSON: creates the experiment on dataset-service; prints its id.
start_experiment() {
  http POST "$DATASET_URL/experiments" "$1"
  [ "$HTTP_CODE" = 201 ] || fail "dataset-service refused the experiment (HTTP $HTTP_CODE): $(refusal)"
  jq -r '.experimentId' <<<"$HTTP_BODY"
}

# A text progress bar: bar DONE TOTAL WIDTH.
bar() {
  local done=$1 total=$2 width=$3 filled
  [ "$total" -gt 0 ] || total=1
  filled=$((done * width / total))
  [ "$filled" -le "$width" ] || filled=$width
  printf '[%s%s]' "$(printf '%*s' "$filled" '' | tr ' ' '#')" "$(printf '%*s' $((width - filled)) '' | tr ' ' '.')"
}

# One experiment's lines of the follow view, from its report (JSON on stdin).
render_report() {
  local report line key state done total reason
  report=$(cat)
  jq -r '"\(.experimentId)  \(.family // "?")  \(.status)  (\(.completeness.completed // 0)/\(.completeness.expected // 0) stages done\(if (.completeness.failed // 0) > 0 then ", \(.completeness.failed) failed" else "" end))"' <<<"$report"
  while IFS=$'\t' read -r key state done total reason; do
    [ -n "$key" ] || continue
    if [ "$state" = completed ]; then
      line="$(bar 1 1 20) done"
    elif [ "$state" = failed ] || [ "$state" = missing ]; then
      line="$(printf '%22s' '') $state${reason:+: $reason}"
    elif [ "$total" -gt 0 ]; then
      line="$(bar "$done" "$total" 20) $done/$total"
    else
      line="$(bar 0 1 20) $state"
    fi
    printf '  %-28s %s\n' "$key" "$line"
  done < <(jq -r '.progress as $p | .stages[] | . as $s
      | ([$p[]? | select(.stageKey == $s.key)] | sort_by(.updatedAt) | last) as $a
      | [$s.key, $s.state, ($a.done // 0), ($a.total // 0), ($s.reason // "" | gsub("[\t\n]"; " "))] | @tsv' <<<"$report")
}

# follow TIMEOUT-MINUTES ID...: shows each experiment's stages until every one has ended (or the timeout).
follow() {
  local timeout=$1 deadline id view status all_done lines=0 previous="" interactive=0
  shift
  deadline=$(($(date +%s) + timeout * 60))
  [ -t 1 ] && interactive=1
  while :; do
    view=""
    all_done=1
    for id in "$@"; do
      http GET "$REPORT_URL/experiments/$id/report"
      if [ "$HTTP_CODE" = 200 ]; then
        status=$(jq -r '.status' <<<"$HTTP_BODY")
        view+="$(render_report <<<"$HTTP_BODY")"$'\n'
        [[ "$FINAL_STATUSES" == *" $status "* ]] || all_done=0
      elif [ "$HTTP_CODE" = 404 ]; then
        view+="$id  waiting for its first event"$'\n'
        all_done=0
      else
        fail "report-service answered HTTP $HTTP_CODE for $id: $(refusal)"
      fi
    done
    if [ "$interactive" = 1 ]; then
      [ "$lines" -gt 0 ] && printf '\033[%dA\033[J' "$lines"
      printf '%s' "$view"
      lines=$(printf '%s' "$view" | wc -l)
    elif [ "$view" != "$previous" ]; then
      printf '%s %s\n%s' "$(date -u +%H:%M:%S)" "---" "$view"
    fi
    previous=$view
    [ "$all_done" = 1 ] && return 0
    if [ "$(date +%s)" -ge "$deadline" ]; then
      say "aft: not finished after $timeout minutes; the experiments go on (./aft report ID shows where they are)" >&2
      return 1
    fi
    sleep 2
  done
}

# print_report ID FORMAT: the report as report-service renders it (md, csv or json).
print_report() {
  http GET "$REPORT_URL/experiments/$1/report?format=$2"
  [ "$HTTP_CODE" = 200 ] || fail "report-service answered HTTP $HTTP_CODE for $1: $(refusal)"
  printf '%s\n' "$HTTP_BODY"
}

dashboard_link() { printf '%s/?experiment=%s' "$REPORT_URL" "$1"; }

# ./aft run SPEC [--no-follow] [--timeout-minutes N]
cmd_run() {
  local spec="" follow_it=1 timeout=60 body id
  while [ $# -gt 0 ]; do
    case "$1" in
      --no-follow) follow_it=0; shift ;;
      --timeout-minutes) timeout=${2:?--timeout-minutes needs a number}; shift 2 ;;
      -*) fail "unknown option $1 (usage: ./aft run SPEC [--no-follow] [--timeout-minutes N])" ;;
      *) [ -z "$spec" ] || fail "one spec at a time"; spec=$1; shift ;;
    esac
  done
  [ -n "$spec" ] || fail "usage: ./aft run SPEC [--no-follow] [--timeout-minutes N]   (SPEC: an experiment as JSON or YAML, e.g. tools/cli/demo/simple-reversals.json)"
  need_tools
  body=$(spec_json "$spec")
  id=$(start_experiment "$body")
  say "started experiment $id"
  [ "$follow_it" = 1 ] || { say "dashboard: $(dashboard_link "$id")"; return 0; }
  follow "$timeout" "$id" || exit 1
  say ""
  print_report "$id" md
  say "dashboard: $(dashboard_link "$id")"
}

# ./aft report ID [--format md|csv|json] [--follow]
cmd_report() {
  local id="" format=md follow_it=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --format) format=${2:?--format needs md, csv or json}; shift 2 ;;
      --follow) follow_it=1; shift ;;
      -*) fail "unknown option $1 (usage: ./aft report ID [--format md|csv|json] [--follow])" ;;
      *) id=$1; shift ;;
    esac
  done
  [ -n "$id" ] || fail "usage: ./aft report ID [--format md|csv|json] [--follow]   (ids: curl $REPORT_URL/experiments)"
  need_tools
  if [ "$follow_it" = 1 ]; then follow 600 "$id" || exit 1; fi
  print_report "$id" "$format"
}

# ./aft replay [--experiment ID] [--from ISO-TIME] [--to ISO-TIME] [--condition C]... [--id REPLAY-ID]:
# eval-service re-evaluates the matching ModelTrained events from the log (an experiment, a time range, or both).
cmd_replay() {
  local body='{}' usage="usage: ./aft replay [--experiment ID] [--from ISO-TIME] [--to ISO-TIME] [--condition C]... [--id REPLAY-ID]"
  need_tools
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || fail "$1 needs a value ($usage)"
    case "$1" in
      --experiment) body=$(jq -c --arg v "$2" '. + {experimentId: $v}' <<<"$body") ;;
      --from) body=$(jq -c --arg v "$2" '. + {from: $v}' <<<"$body") ;;
      --to) body=$(jq -c --arg v "$2" '. + {to: $v}' <<<"$body") ;;
      --condition) body=$(jq -c --arg v "$2" '.conditions += [$v]' <<<"$body") ;;
      --id) body=$(jq -c --arg v "$2" '. + {replayId: $v}' <<<"$body") ;;
      *) fail "unknown option $1 ($usage)" ;;
    esac
    shift 2
  done
  http POST "$EVAL_URL/replays" "$body"
  case "$HTTP_CODE" in
    2??) jq . <<<"$HTTP_BODY" ;;
    *) fail "eval-service refused the replay (HTTP $HTTP_CODE): $(refusal)" ;;
  esac
}

# ./aft demo [--model ID] [--timeout-minutes N]: the standard experiment, simple reversals and simple
# syllogisms with all six conditions, on the reference model.
cmd_demo() {
  local model=aft-reference timeout=30 family body ids=() started
  while [ $# -gt 0 ]; do
    case "$1" in
      --model) model=${2:?--model needs a model id}; shift 2 ;;
      --timeout-minutes) timeout=${2:?--timeout-minutes needs a number}; shift 2 ;;
      *) fail "unknown option $1 (usage: ./aft demo [--model ID] [--timeout-minutes N])" ;;
    esac
  done
  need_tools
  started=$(date +%s)
  stack_healthy || cmd_up
  http GET "$MODEL_URL/v1/models"
  [ "$HTTP_CODE" = 200 ] || fail "model-service answered HTTP $HTTP_CODE to /v1/models"
  if ! jq -e --arg m "$model" 'any(.data[]; .id == $m)' <<<"$HTTP_BODY" >/dev/null; then
    fail "model-service does not serve '$model' (it serves: $(jq -r '[.data[].id] | join(", ")' <<<"$HTTP_BODY")). The reference model is served from models/aft-reference; another model can be put in .aft/model-service/home/models/ID/ (a Hugging Face Llama folder) and named with --model ID"
  fi
  for family in simple-reversals simple-syllogisms; do
    body=$(jq -c --arg model "$model" '.plan.model.baseModel = $model' "$DEMO_SPECS/$family.json")
    ids+=("$(start_experiment "$body")")
    say "started $family: experiment ${ids[-1]}"
  done
  follow "$timeout" "${ids[@]}" || exit 1
  for id in "${ids[@]}"; do
    say ""
    print_report "$id" md
  done
  say ""
  say "finished in $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
  for id in "${ids[@]}"; do say "dashboard: $(dashboard_link "$id")"; done
}
