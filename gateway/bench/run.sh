#!/usr/bin/env bash
# The gateway benchmark in one command (see README.md in this folder).
#   gateway/bench/run.sh           full run (about 12 minutes), report in gateway/bench/results/latest.md
#   gateway/bench/run.sh --smoke   a short run of every target and query with all the correctness checks (CI)
#   gateway/bench/run.sh --faults  the fault run: signals to the real services under load, checks with numbers (CI)
#   gateway/bench/run.sh --soak MINUTES   steady load on our gateway, latency and RSS per interval
#   gateway/bench/run.sh --build   rebuild the three packaged apps first (otherwise only missing ones are built)
# Installs what it needs: wrk (Debian), the pinned peer gateways (npm ci), the packaged apps (Maven).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/../.." && pwd)"
mkdir -p "$bench/work"

args=()
rebuild=false
for arg in "$@"; do
  if [[ "$arg" == --build ]]; then rebuild=true; else args+=("$arg"); fi
done

if ! command -v wrk >/dev/null; then
  echo "[bench] installing wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

# npm ci when node_modules was not installed from this very lock file
lock_sum="$(sha256sum "$bench/package-lock.json" | cut -d' ' -f1)"
if [[ "$(cat "$bench/node_modules/.bench-lock-sha256" 2>/dev/null)" != "$lock_sum" ]]; then
  echo "[bench] npm ci (pinned peer gateways)"
  (cd "$bench" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$bench/node_modules/.bench-lock-sha256"
fi

modules=()
for module in gateway topics-service speakers-service; do
  if $rebuild || [[ ! -f "$root/$module/target/quarkus-app/quarkus-run.jar" ]]; then modules+=("$module"); fi
done
if (( ${#modules[@]} )); then
  list="$(IFS=,; echo "${modules[*]}")"
  echo "[bench] building $list"
  # -am and test classes: the subgraphs need subgraph-protection and its test jar built beside them (not installed)
  (cd "$root" && ./mvnw -B -q package -DskipTests -pl "$list" -am)
fi

# The databases' launcher runs on the embedded-database libraries of the gateway's test class path
# (versions managed in the root pom); resolved once per pom version.
pom_sum="$(cat "$root/pom.xml" "$root/gateway/pom.xml" | sha256sum | cut -d' ' -f1)"
classpath_file="$bench/work/db-classpath-$pom_sum.txt"
if [[ ! -s "$classpath_file" ]]; then
  echo "[bench] resolving the embedded databases' class path"
  (cd "$root" && ./mvnw -B -q -pl gateway dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$bench/work/test-classpath.txt")
  tr ':' '\n' < "$bench/work/test-classpath.txt" \
    | grep -E '/(io/zonky|de/bwaldvogel|io/netty/netty-(common|buffer|transport|codec|handler|resolver)|org/slf4j/slf4j-api|org/apache/commons/commons-(lang3|compress)|commons-io|commons-codec|org/tukaani|org/postgresql/postgresql)/' \
    | paste -sd: > "$classpath_file"
fi
export BENCH_DB_CLASSPATH="$(cat "$classpath_file")"

script=bench.mjs
case "${args[0]:-}" in
  --faults) script=faults.mjs; args=("${args[@]:1}") ;;
  --soak) script=soak.mjs; args=("${args[@]:1}") ;;
esac
exec node "$bench/$script" "${args[@]}"
