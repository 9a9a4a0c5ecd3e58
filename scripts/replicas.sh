#!/usr/bin/env bash
# Several TutorHub processes behind one load balancer on this machine, without Docker: N
# standalone servers from the current build (`npm run build`) on consecutive ports, and Caddy
# (deploy/Caddyfile.replicas) balancing them on one port with health checks.
#
#   scripts/replicas.sh start [N]   start N replicas (default 2) and the balancer
#   scripts/replicas.sh stop        stop them (by the PIDs recorded at start)
#   scripts/replicas.sh status      the PIDs and each replica's /api/health
#
# Every replica gets the same environment, which must include:
#   DATABASE_URL                        one PostgreSQL for all (the embedded database is one process only)
#   AUTH_SECRET                         signs session cookies: a session from one replica works on all
#   NEXT_SERVER_ACTIONS_ENCRYPTION_KEY  server actions rendered by one replica run on another
# and may include DATABASE_POOLER=pgbouncer with DATABASE_DIRECT_URL (see the README), or
# anything else from .env.example. Ports: REPLICA_BASE_PORT (3301), LB_PORT (8080), LB_BIND
# (127.0.0.1). APP_URL defaults to the balancer's address; TRUSTED_PROXY_HOPS is 1 (Caddy).
# PIDs and logs go to REPLICA_DIR (.data/replicas). Needs caddy (apt-get install caddy).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${REPLICA_DIR:-$root/.data/replicas}"
base="${REPLICA_BASE_PORT:-3301}"
lb_port="${LB_PORT:-8080}"
lb_bind="${LB_BIND:-127.0.0.1}"

die() { echo "replicas: $*" >&2; exit 1; }

# Waits until the URL answers 200, or gives up after $2 seconds.
wait_healthy() {
  local url="$1" seconds="$2"
  for _ in $(seq "$seconds"); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}

start() {
  local count="${1:-2}"
  [[ "$count" =~ ^[1-9][0-9]?$ ]] || die "N must be a number from 1 to 99"
  [[ -f "$root/.next/standalone/server.js" ]] || die "no production build: run npm run build first"
  command -v caddy >/dev/null || die "caddy is not installed (apt-get install caddy)"
  [[ -n "${DATABASE_URL:-}" ]] || die "set DATABASE_URL: every replica must use the same PostgreSQL"
  [[ -n "${AUTH_SECRET:-}" ]] || die "set AUTH_SECRET (openssl rand -base64 32), shared by every replica"
  [[ -n "${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:-}" ]] || die "set NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (openssl rand -base64 32), shared by every replica"
  compgen -G "$dir/*.pid" >/dev/null && die "already running (scripts/replicas.sh stop first)"
  mkdir -p "$dir"

  local upstreams=() port
  for i in $(seq "$count"); do
    port=$((base + i - 1))
    upstreams+=("127.0.0.1:$port")
    PORT="$port" HOSTNAME=127.0.0.1 NODE_ENV=production \
      APP_URL="${APP_URL:-http://$lb_bind:$lb_port}" TRUSTED_PROXY_HOPS="${TRUSTED_PROXY_HOPS:-1}" \
      nohup node "$root/.next/standalone/server.js" >"$dir/app-$port.log" 2>&1 &
    echo $! >"$dir/app-$port.pid"
  done
  UPSTREAMS="${upstreams[*]}" LB_PORT="$lb_port" LB_BIND="$lb_bind" \
    nohup caddy run --config "$root/deploy/Caddyfile.replicas" --adapter caddyfile >"$dir/caddy.log" 2>&1 &
  echo $! >"$dir/caddy.pid"

  for upstream in "${upstreams[@]}"; do
    wait_healthy "http://$upstream/api/health" 60 || die "$upstream is not healthy after 60 s: see $dir/app-${upstream##*:}.log"
  done
  wait_healthy "http://$lb_bind:$lb_port/api/health" 20 || die "the balancer does not answer: see $dir/caddy.log"
  echo "$count replicas (${upstreams[*]}) behind http://$lb_bind:$lb_port; logs in $dir"
}

stop() {
  local pid
  for file in "$dir"/*.pid; do
    [[ -e "$file" ]] || continue
    pid="$(cat "$file")"
    kill "$pid" 2>/dev/null || true
    # Give each process ten seconds to finish its requests and close its connections.
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    rm -f "$file"
    echo "stopped $(basename "$file" .pid) ($pid)"
  done
}

status() {
  local pid name
  for file in "$dir"/*.pid; do
    [[ -e "$file" ]] || { echo "not running"; return; }
    pid="$(cat "$file")" name="$(basename "$file" .pid)"
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name ($pid): not running"; continue; fi
    case "$name" in
      app-*) echo "$name ($pid): $(curl -sS --max-time 3 "http://127.0.0.1:${name#app-}/api/health" 2>&1)" ;;
      *) echo "$name ($pid): running" ;;
    esac
  done
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  stop) stop ;;
  status) status ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
