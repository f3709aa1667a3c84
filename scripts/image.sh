#!/usr/bin/env bash
# The container image without a registry, a Docker daemon or any container runtime (ADR 0024).
#   scripts/image.sh build [maven args]
#       the base from Debian (scripts/base-image.sh, cached), then Jib on it: bootstrap/target/milkmobs-image.tar (OCI)
#   scripts/image.sh check [--no-build] [maven args]
#       build (unless --no-build), then unpack the image's layers in order into a root file system and run its entry
#       point there as its user, with its Env and WorkingDir (unshare + chroot), against the test PostgreSQL on the
#       host's loopback; asserts /health/ready and /health/live, the image's own health check command, and ffmpeg,
#       tesseract and java as the non-root user; prints the image's size and its time to ready
# Needs root (debootstrap, chroot, namespaces). The check reads the image's config, not the pom: what it runs is what
# a container runtime would run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
IMAGE="$ROOT/bootstrap/target/milkmobs-image.tar"
DIR="$ROOT/.data/image"

log() { echo "[image] $*" >&2; }
fail() { echo "[image] FAILED: $*" >&2; exit 1; }

build() {
  local started=$SECONDS base
  base=$(scripts/base-image.sh)
  log "base: $base ($((SECONDS - started)) s)"
  started=$SECONDS
  # -am: the WAR and payara-micro.jar the image holds are built from this checkout
  nice mvn -B -ntp -q -Pimage -pl bootstrap -am package -DskipTests -Dmilkmobs.image.base="tar://$base" "$@" \
    || fail "the Maven image build failed"
  [ -f "$IMAGE" ] || fail "Jib wrote no $IMAGE"
  log "image: $IMAGE, $(du -h "$IMAGE" | cut -f1) ($((SECONDS - started)) s with the WAR build)"
}

blob() { echo "$1/blobs/${2/://}"; } # layout dir, digest -> path

# Unpacks the image's layers in order into $1, as a runtime would: each layer's whiteouts first remove what the layers
# below it hold (.wh.NAME removes NAME, .wh..wh..opq empties its folder), then its other entries are extracted. Reads
# an OCI archive (index.json, Jib's default here) or a `docker save` one (manifest.json, Jib's Docker format).
unpack() { # rootfs, archive dir
  local rootfs=$1 layout=$2 manifest config
  local -a layers
  if [ -f "$layout/index.json" ]; then
    manifest=$(blob "$layout" "$(jq -r '.manifests[0].digest' "$layout/index.json")")
    config=$(blob "$layout" "$(jq -r '.config.digest' "$manifest")")
    mapfile -t layers < <(jq -r '.layers[].digest' "$manifest" | while read -r d; do blob "$layout" "$d"; done)
  elif [ -f "$layout/manifest.json" ]; then
    config="$layout/$(jq -r '.[0].Config' "$layout/manifest.json")"
    mapfile -t layers < <(jq -r '.[0].Layers[]' "$layout/manifest.json" | sed "s|^|$layout/|")
  else
    fail "$IMAGE is neither an OCI archive (index.json) nor a docker save one (manifest.json)"
  fi
  cp "$config" "$DIR/check/config.json"
  rm -rf "$rootfs"; mkdir -p "$rootfs"
  local layer count=0
  for layer in "${layers[@]}"; do
    local entry
    while IFS= read -r entry; do
      entry=${entry#./}
      local dir name
      dir=$(dirname "$entry"); name=$(basename "$entry")
      if [ "$name" = ".wh..wh..opq" ]; then
        [ ! -d "$rootfs/$dir" ] || find "$rootfs/$dir" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
      else
        rm -rf "${rootfs:?}/$dir/${name#.wh.}"
      fi
    done < <(tar -tf "$layer" --warning=no-unknown-keyword | grep -E '(^|/)\.wh\.[^/]+$' || true)
    tar -xf "$layer" -C "$rootfs" --numeric-owner --same-permissions --warning=no-unknown-keyword \
        --exclude='.wh.*' --exclude='*/.wh.*'
    count=$((count + 1))
  done
  log "unpacked $count layers into $rootfs ($(du -sh "$rootfs" | cut -f1))"
}

check() {
  [ "$(id -u)" -eq 0 ] || fail "the check needs root (chroot, namespaces)"
  scripts/install-system-deps.sh # PostgreSQL for the database the image is pointed at
  command -v jq >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq >/dev/null
  if [ "${1:-}" = --no-build ]; then shift; [ -f "$IMAGE" ] || fail "no $IMAGE to check"; else build "$@"; fi
  rm -rf "$DIR/check"; mkdir -p "$DIR/check/layout"
  tar -xf "$IMAGE" -C "$DIR/check/layout" --warning=no-unknown-keyword
  local rootfs="$DIR/check/rootfs" config="$DIR/check/config.json"
  unpack "$rootfs" "$DIR/check/layout"

  # the image's own config: what a runtime would run
  local user workdir
  user=$(jq -r '.config.User' "$config")
  workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
  mapfile -t envs < <(jq -r '.config.Env[]' "$config")
  mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
  mapfile -t healthcheck < <(jq -r '.config.Healthcheck.Test // [] | .[]' "$config")
  [ "${user%%:*}" = 10001 ] || fail "the image's user is '$user', not 10001"
  [ "${#entrypoint[@]}" -gt 0 ] || fail "the image has no entry point"
  log "config: User $user, WorkingDir $workdir, Env ${envs[*]}, Entrypoint ${entrypoint[*]}"
  [ "${#healthcheck[@]}" -gt 0 ] && log "config: Healthcheck ${healthcheck[*]}"

  # this machine's network is shared (the database is on its loopback): the entry point's port 8080 is used when
  # free, else a free port replaces it in the arguments (and in the health check command)
  local port=8080
  if ss -Hltn "sport = :$port" | grep -q .; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    log "port 8080 is taken on this machine: the entry point runs with --port $port"
    local i
    for i in "${!entrypoint[@]}"; do
      [ "${entrypoint[$i]}" = 8080 ] && [ "${entrypoint[$((i - 1))]}" = --port ] && entrypoint[$i]=$port
    done
    for i in "${!healthcheck[@]}"; do healthcheck[$i]=${healthcheck[$i]//:8080/:$port}; done
  fi

  # the database the image is pointed at: the test cluster on the host's loopback, and a token key for MP JWT
  db_was_running=true # global: the exit trap reads it
  scripts/db.sh status test >/dev/null 2>&1 || db_was_running=false
  scripts/db.sh start test >/dev/null
  local db_url
  db_url=$(scripts/db.sh url test)
  scripts/dev-tokens.sh >/dev/null
  mkdir -p "$rootfs/etc/milkmobs/jwt"
  cp .data/jwt/public-key.pem "$rootfs/etc/milkmobs/jwt/public-key.pem"
  envs+=("DB_URL=$db_url" "DB_USER=${MILKMOBS_DB_USER:-milkmobs}" "DB_PASSWORD=${MILKMOBS_DB_PASSWORD:-milkmobs}"
         "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:/etc/milkmobs/jwt/public-key.pem")

  # in its own mount, PID and UTS namespaces: a host name in /etc/hosts, the host's resolver, /proc, /dev and an empty
  # /tmp, as a runtime provides them; the entry point is PID 1 there, exec'd as the image's user with exactly the
  # image's environment and working directory
  local runner="$DIR/check/run-in-rootfs.sh" out="$DIR/check/container.log"
  cat > "$runner" <<'EOF'
#!/bin/sh
# rootfs user workdir [NAME=VALUE...] -- command...
set -eu
r=$1; u=$2; w=$3; shift 3
hostname milkmobs-check
printf '127.0.0.1\tlocalhost milkmobs-check\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$r/etc/hosts"
echo milkmobs-check > "$r/etc/hostname"
cp /etc/resolv.conf "$r/etc/resolv.conf"
mount -t proc proc "$r/proc"
mount --rbind /dev "$r/dev"
mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
exec chroot --userspec="$u" "$r" /usr/bin/env -i -C "$w" "$@"
EOF
  chmod +x "$runner"
  local started=$SECONDS t0
  t0=$(date +%s%N)
  unshare --mount --pid --uts --fork --kill-child "$runner" "$rootfs" "$user" "$workdir" "${envs[@]}" "${entrypoint[@]}" \
    > "$out" 2>&1 &
  runner_pid=$! # global: the exit trap reads it
  stop_container() {
    local child
    child=$(pgrep -P "$runner_pid" || true)
    [ -z "$child" ] || kill -TERM "$child" 2>/dev/null || true
    local waited=0
    while kill -0 "$runner_pid" 2>/dev/null && [ $waited -lt 40 ]; do sleep 0.5; waited=$((waited + 1)); done
    kill -TERM "$runner_pid" 2>/dev/null || true
    wait "$runner_pid" 2>/dev/null || true
    [ "$db_was_running" = true ] || scripts/db.sh stop test >/dev/null
  }
  trap stop_container EXIT
  local deadline=$((SECONDS + ${MILKMOBS_IMAGE_BOOT_TIMEOUT:-600}))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    kill -0 "$runner_pid" 2>/dev/null || { tail -30 "$out" >&2; fail "the entry point exited during start-up"; }
    [ $SECONDS -lt $deadline ] || { tail -30 "$out" >&2; fail "not ready after $((SECONDS - started)) s"; }
    sleep 0.5
  done
  local boot
  boot=$(( ($(date +%s%N) - t0) / 1000000 ))
  boot="$((boot / 1000)).$((boot % 1000 / 100))"
  log "ready after $boot s (log: $out)"

  local code path
  for path in /health/ready /health/live; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
    [ "$code" = 200 ] || fail "$path answered $code"
    log "$path: 200"
  done
  # the entry point runs as the image's user (PID 1 of its namespace is the JVM)
  local java_pid uid
  java_pid=$(pgrep -P "$runner_pid")
  uid=$(awk '/^Uid:/ {print $2}' "/proc/$java_pid/status")
  [ "$uid" = "${user%%:*}" ] || fail "the entry point runs as uid $uid"
  log "entry point (host pid $java_pid) runs as uid $uid"

  # inside the same namespaces as the JVM, as its user: the image's health check command, and the media tools
  in_container() { nsenter --target "$java_pid" --mount --pid --root --wdns="$workdir" \
      --setuid="${user%%:*}" --setgid="${user##*:}" /usr/bin/env -i "${envs[@]}" "$@"; }
  # a Docker-format image carries the base's HEALTHCHECK and it is run as is; the OCI format has no such field (Jib
  # drops it), so the health paths its labels name are asked from inside with the image's curl
  if [ "${#healthcheck[@]}" -gt 0 ]; then
    case "${healthcheck[0]}" in
      CMD-SHELL) in_container /bin/sh -c "${healthcheck[1]}" > /dev/null || fail "the image's health check failed" ;;
      CMD) in_container "${healthcheck[@]:1}" > /dev/null || fail "the image's health check failed" ;;
    esac
    log "the image's HEALTHCHECK (${healthcheck[*]}) passed as uid ${user%%:*}"
  fi
  local label
  for label in org.milkmobs.health.ready org.milkmobs.health.live; do
    path=$(jq -r --arg l "$label" '.config.Labels[$l] // empty' "$config")
    [ -n "$path" ] || fail "the image has no label $label"
    in_container curl -fs -o /dev/null "http://127.0.0.1:$port$path" || fail "$path (label $label) failed from inside"
    log "label $label=$path answers 200 inside the image, as uid ${user%%:*} with the image's curl"
  done
  in_container id
  local version
  version=$(in_container ffmpeg -hide_banner -version) || fail "ffmpeg does not run in the image"
  echo "${version%%$'\n'*}"
  version=$(in_container tesseract --version 2>&1) || fail "tesseract does not run in the image"
  echo "${version%%$'\n'*}"
  version=$(in_container tesseract --list-langs 2>&1) || fail "tesseract --list-langs failed in the image"
  grep -qx eng <<< "$version" || fail "tesseract has no English data in the image"
  in_container sh -c 'touch /var/lib/milkmobs/.probe && rm /var/lib/milkmobs/.probe' \
    || fail "the data dir /var/lib/milkmobs is not writable by the image's user"
  log "ffmpeg, tesseract (eng) run as uid ${user%%:*}; /var/lib/milkmobs is writable by it"
  echo "image $(du -h "$IMAGE" | cut -f1) ($(stat -c %s "$IMAGE") bytes), root file system $(du -sh "$rootfs" | cut -f1), ready after $boot s"
  log "PASSED"
}

case "${1:-}" in
  build) shift; build "$@" ;;
  check) shift; check "$@" ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
