#!/usr/bin/env bash
# Milk Mobs as a cluster on this machine (issue 24, ADR 0023): three instances of the WAR on loopback ports behind
# Debian's nginx, files in S3 through S3Proxy (the S3-compatible store the tests use), one PostgreSQL (the dev one).
#   scripts/cluster.sh start|stop|status|roll
#     start   build if needed, then start S3Proxy, the instances one after the other, and nginx (idempotent)
#     stop    stop nginx, then each instance with SIGTERM (its readiness turns DOWN, its jobs are given back)
#     status  each piece: up or down, and each instance's /health/ready
#     roll    a rolling restart: each instance in turn is stopped, started and waited for before the next
# Ports: nginx on CLUSTER_PORT (default 8090), instances on CLUSTER_PORT+1.., S3Proxy on CLUSTER_PORT+9.
# CLUSTER_INSTANCES (default 3), CLUSTER_HEAP (default 768m), CLUSTER_BOOT_TIMEOUT (seconds, default 900: a boot
# takes 20 s on an idle machine and was seen at 12 min on two cores at a load average of 60). All under .data/cluster.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BASE_PORT=${CLUSTER_PORT:-8090}
COUNT=${CLUSTER_INSTANCES:-3}
HEAP=${CLUSTER_HEAP:-768m}
S3_PORT=$((BASE_PORT + 9))
DIR="$ROOT/.data/cluster"
TARGET="$ROOT/bootstrap/target"
S3_KEY=milkmobs-cluster
S3_SECRET=milkmobs-cluster-secret

log() { echo "cluster: $*" >&2; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
instance_port() { echo $((BASE_PORT + $1)); }

await_http() { # url, seconds, pid file: waits for a 200, failing when the process ends
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1"; do
    alive "$3" || { log "the process of $1 ended; see its log"; return 1; }
    [ $SECONDS -lt $deadline ] || { log "$1 did not answer 200 within $2 s"; return 1; }
    sleep 1
  done
}

build_if_needed() {
  if [ ! -f "$TARGET/milkmobs.war" ] || [ ! -f "$TARGET/payara-micro.jar" ] || [ ! -f "$TARGET/test-tools/s3proxy.jar" ]; then
    log "building the WAR (log: .data/cluster/build.log)"
    mvn -B -ntp -q package -DskipTests -pl bootstrap -am > "$DIR/build.log" 2>&1 || { tail -30 "$DIR/build.log" >&2; exit 1; }
  fi
}

start_s3() {
  alive "$DIR/s3proxy.pid" && return 0
  mkdir -p "$DIR/s3/data"
  cat > "$DIR/s3/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_KEY
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DIR/s3/data
PROPS
  java -Xmx256m -jar "$TARGET/test-tools/s3proxy.jar" --properties "$DIR/s3/s3proxy.properties" > "$DIR/s3/s3proxy.log" 2>&1 &
  echo $! > "$DIR/s3proxy.pid"
  local deadline=$((SECONDS + 60))
  until curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/"; do
    alive "$DIR/s3proxy.pid" || { log "S3Proxy exited: $(tail -5 "$DIR/s3/s3proxy.log")"; exit 1; }
    [ $SECONDS -lt $deadline ] || { log "S3Proxy did not listen on $S3_PORT"; exit 1; }
    sleep 0.5
  done
  log "S3Proxy on 127.0.0.1:$S3_PORT (files in .data/cluster/s3/data)"
}

start_instance() { # number
  local n=$1 port
  port=$(instance_port "$n")
  local home="$DIR/i$n"
  alive "$home/pid" && return 0
  rm -rf "$home/payara-root" "$home/tmp"
  mkdir -p "$home/tmp" "$home/data"
  # every instance: the same database, token key and bucket; its own data dir (temporary media copies only)
  env DB_URL="$(scripts/db.sh url dev)" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.data/jwt/public-key.pem" \
      MILKMOBS_DATA_DIR="$home/data" \
      CLUSTER_ENABLED=true STORAGE_BACKEND=s3 STORAGE_S3_BUCKET=milkmobs STORAGE_S3_CREATE_BUCKET=true \
      STORAGE_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" STORAGE_S3_PATH_STYLE=true \
      AWS_ACCESS_KEY_ID=$S3_KEY AWS_SECRET_ACCESS_KEY=$S3_SECRET AWS_REGION=us-east-1 \
      PIPELINE_LEASE="${PIPELINE_LEASE:-PT20S}" HOUSEKEEPING_TERM="${HOUSEKEEPING_TERM:-PT30S}" \
      HTTP_PUBLIC_BASE_URL="http://127.0.0.1:$BASE_PORT" \
    java -Xmx"$HEAP" -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl -Djava.io.tmpdir="$home/tmp" \
      -jar "$TARGET/payara-micro.jar" --deploy "$TARGET/milkmobs.war" --contextroot / --port "$port" --nocluster \
      --rootdir "$home/payara-root" \
      --prebootcommandfile bootstrap/src/main/payara/pre-boot-commands.txt \
      --postdeploycommandfile bootstrap/src/main/payara/post-deploy-commands.txt \
      >> "$home/payara.log" 2>&1 &
  echo $! > "$home/pid"
  local started=$SECONDS
  await_http "http://127.0.0.1:$port/health/ready" "${CLUSTER_BOOT_TIMEOUT:-900}" "$home/pid" \
    || { tail -20 "$home/payara.log" >&2; exit 1; }
  log "instance $n ready on 127.0.0.1:$port after $((SECONDS - started)) s (log: .data/cluster/i$n/payara.log)"
}

stop_instance() { # number: SIGTERM, as an operator's stop or Kubernetes does; kill -9 after 40 s
  local pidfile="$DIR/i$1/pid"
  alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  local pid
  pid=$(cat "$pidfile")
  kill -TERM "$pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && { log "instance $1 ignored SIGTERM for 40 s: kill -9"; kill -KILL "$pid"; }
  rm -f "$pidfile"
  log "instance $1 stopped"
}

start_nginx() {
  alive "$DIR/nginx/nginx.pid" && return 0
  [ -x /usr/sbin/nginx ] || { log "no nginx: scripts/install-system-deps.sh installs it"; exit 1; }
  mkdir -p "$DIR/nginx"
  local servers=""
  for n in $(seq 1 "$COUNT"); do servers+="    server 127.0.0.1:$(instance_port "$n") max_fails=1 fail_timeout=5s;"$'\n'; done
  # round robin; a request that could not reach an instance (refused, reset, 502-504) goes to the next one;
  # one already sent is retried only when idempotent (nginx's default), so a cut-off POST is the client's to retry
  # (with its Idempotency-Key). Debian's nginx has passive checks only: a starting instance keeps its port
  # closed until the WAR is deployed (bootstrap/src/main/payara), so it is never sent a request too early.
  cat > "$DIR/nginx/nginx.conf" <<CONF
pid $DIR/nginx/nginx.pid;
worker_processes 1;
error_log $DIR/nginx/error.log warn;
events { worker_connections 512; }
http {
  access_log $DIR/nginx/access.log;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  client_max_body_size 2g;
  upstream milkmobs {
$servers    keepalive 16;
  }
  server {
    listen 127.0.0.1:$BASE_PORT;
    location / {
      proxy_pass http://milkmobs;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 3;
      proxy_buffering off;
      proxy_request_buffering off;
    }
    # a text search changes nothing: nginx may send it again even after an instance cut it off
    location = /api/search/videos {
      proxy_pass http://milkmobs;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503 http_504 non_idempotent;
      proxy_next_upstream_tries 3;
    }
  }
}
CONF
  /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
  log "nginx on 127.0.0.1:$BASE_PORT in front of $COUNT instances"
}

stop_nginx() {
  alive "$DIR/nginx/nginx.pid" || return 0
  /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s quit
  for _ in $(seq 1 20); do alive "$DIR/nginx/nginx.pid" || break; sleep 0.5; done
  log "nginx stopped"
}

case "${1:-status}" in
  start)
    mkdir -p "$DIR"
    scripts/install-system-deps.sh
    scripts/db.sh start dev
    scripts/dev-tokens.sh > /dev/null
    build_if_needed
    start_s3
    # one after the other: the first migrates the database, and two boots at once double the time on two cores
    for n in $(seq 1 "$COUNT"); do start_instance "$n"; done
    start_nginx
    log "up: http://127.0.0.1:$BASE_PORT (tokens: ./mm tokens); ./mm cluster stop stops it"
    ;;
  stop)
    stop_nginx
    for n in $(seq 1 "$COUNT"); do stop_instance "$n"; done
    if alive "$DIR/s3proxy.pid"; then kill -TERM "$(cat "$DIR/s3proxy.pid")"; rm -f "$DIR/s3proxy.pid"; log "S3Proxy stopped"; fi
    log "stopped (the dev database keeps running: ./mm db stop)"
    ;;
  roll)
    for n in $(seq 1 "$COUNT"); do stop_instance "$n"; start_instance "$n"; done
    ;;
  status)
    down=0
    if alive "$DIR/nginx/nginx.pid"; then echo "nginx     up   127.0.0.1:$BASE_PORT"; else echo "nginx     down"; down=1; fi
    if alive "$DIR/s3proxy.pid"; then echo "s3proxy   up   127.0.0.1:$S3_PORT"; else echo "s3proxy   down"; down=1; fi
    for n in $(seq 1 "$COUNT"); do
      port=$(instance_port "$n")
      if alive "$DIR/i$n/pid"; then
        echo "instance$n up   127.0.0.1:$port ready: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
      else echo "instance$n down"; down=1; fi
    done
    echo "database  $(scripts/db.sh status dev || true)"
    exit $down
    ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
