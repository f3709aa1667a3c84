#!/usr/bin/env bash
# The base of the Milk Mobs container image, built without a registry and without a container runtime (ADR 0024):
# debootstrap assembles a Debian bookworm root file system from Debian's mirror (Java 17, ffmpeg, Tesseract, curl,
# a non-root user 10001 owning /var/lib/milkmobs), and this script packs it as a `docker save` tarball (manifest.json,
# an image config with User, Env and a Healthcheck on /health/live, one layer) that Jib takes as its base with
# -Dmilkmobs.image.base=tar://<absolute path>. Same content as deploy/container/base.Containerfile, for sites whose
# build machines reach Debian but no registry.
#   scripts/base-image.sh          build the base if missing or stale; print the tarball's path (last line)
#   scripts/base-image.sh --force  rebuild it
# Cached under .data/image/ and keyed on the suite, the package list and this script: a second run does nothing.
# Needs root (debootstrap, chroot, file ownership). MILKMOBS_DEBIAN_MIRROR overrides the mirror.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SUITE=bookworm
MIRROR=${MILKMOBS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${MILKMOBS_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
PACKAGES=openjdk-17-jre-headless,ffmpeg,tesseract-ocr,tesseract-ocr-eng,curl,ca-certificates
APP_UID=10001
TAG=milkmobs-base:17
DIR="$ROOT/.data/image"
OUT="$DIR/milkmobs-base.tar"
KEY_FILE="$DIR/milkmobs-base.key"

[ "$(id -u)" -eq 0 ] || { echo "base-image.sh needs root (debootstrap, chroot, file ownership)" >&2; exit 1; }
key=$( { echo "$SUITE $PACKAGES $APP_UID $TAG"; cat "$0"; } | sha256sum | cut -c1-16)
if [ "${1:-}" != "--force" ] && [ -f "$OUT" ] && [ "$(cat "$KEY_FILE" 2>/dev/null)" = "$key" ]; then
  echo "base image up to date ($(du -h "$OUT" | cut -f1))" >&2
  echo "$OUT"; exit 0
fi

missing=()
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$DIR"
rootfs="$DIR/base-rootfs"
work="$DIR/base-work"
# an interrupted debootstrap can leave /proc or /sys mounted in the old root file system: unmount before deleting
{ findmnt -rno TARGET | grep -F "$rootfs/" || true; } | sort -r | xargs -r umount -l
rm -rf "$rootfs" "$work" "$OUT" "$KEY_FILE"
mkdir -p "$rootfs" "$work"
start=$SECONDS

echo "debootstrap $SUITE (minbase + $PACKAGES) from $MIRROR..." >&2
mkdir -p "$DIR/debs" # downloaded packages, kept: a rebuild downloads only what changed
debootstrap --variant=minbase --include="$PACKAGES" --cache-dir="$DIR/debs" "$SUITE" "$rootfs" "$MIRROR" > "$DIR/debootstrap.log" 2>&1 || {
  tail -20 "$DIR/debootstrap.log" >&2; echo "debootstrap failed; log: $DIR/debootstrap.log" >&2; exit 1; }

# security updates, then the user and the data folder; in a private mount namespace so /proc goes away with it
cat > "$rootfs/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
echo "security updates, user $APP_UID, clean-up..." >&2
unshare --mount --fork sh -euc '
  r=$1; uid=$2
  mount -t proc proc "$r/proc"
  chroot "$r" /bin/sh -euc "
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get upgrade -y -qq --no-install-recommends
    apt-get clean
    groupadd --gid $uid milkmobs
    useradd --uid $uid --gid $uid --home-dir /var/lib/milkmobs --no-create-home --shell /usr/sbin/nologin milkmobs
    mkdir -p /var/lib/milkmobs
    chown $uid:$uid /var/lib/milkmobs
    chmod 750 /var/lib/milkmobs
    java -version 2>&1 | head -1; ffmpeg -version | head -1; tesseract --version 2>&1 | head -1
  "
  umount "$r/proc"
' sh "$rootfs" "$APP_UID" >> "$DIR/debootstrap.log" 2>&1 || {
  tail -20 "$DIR/debootstrap.log" >&2; echo "configuring the root file system failed; log: $DIR/debootstrap.log" >&2; exit 1; }
{ findmnt -rno TARGET | grep -F "$rootfs/" || true; } | sort -r | xargs -r umount -l
# what an image does not need: package lists and caches, documentation, translations, logs, device nodes (the
# runtime makes /dev), and this machine's name and resolver (the runtime writes /etc/hostname, hosts, resolv.conf)
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
       "$rootfs"/var/log/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* \
       "$rootfs"/tmp/* "$rootfs"/var/tmp/* "$rootfs"/dev/* "$rootfs"/proc/* "$rootfs"/sys/* \
       "$rootfs"/etc/hostname "$rootfs"/etc/resolv.conf
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$rootfs/etc/hosts"
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
find "$rootfs/usr/share/doc" -type d -empty -delete
chmod 1777 "$rootfs/tmp"

# the layer: numeric owners, names sorted, times clamped to the package database's (fewer spurious differences)
epoch=$(date -r "$rootfs/var/lib/dpkg/status" +%s)
tar --create --file "$work/layer.tar" --directory "$rootfs" --numeric-owner --sort=name \
    --mtime="@$epoch" --clamp-mtime --xattrs --xattrs-include='security.capability' .
layer_sha=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
mkdir "$work/$layer_sha"
mv "$work/layer.tar" "$work/$layer_sha/layer.tar"

java_home=$(cd "$rootfs" && ls -d usr/lib/jvm/java-17-openjdk-* | head -1)
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
# Healthcheck durations are nanoseconds, as in `docker inspect`
jq -n --arg sha "sha256:$layer_sha" --arg uid "$APP_UID" --arg jh "/$java_home" --arg created "$created" \
      --arg packages "$PACKAGES" --arg suite "$SUITE" '{
  architecture: "amd64", os: "linux", created: $created,
  config: {
    User: "\($uid):\($uid)",
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "JAVA_HOME=\($jh)", "LANG=C.UTF-8"],
    WorkingDir: "/",
    Healthcheck: {Test: ["CMD-SHELL", "curl -fs http://127.0.0.1:8080/health/live || exit 1"],
                  Interval: 10000000000, Timeout: 3000000000, StartPeriod: 60000000000, Retries: 3},
    Labels: {"org.opencontainers.image.base.name": "debian:\($suite) (debootstrap --variant=minbase)",
             "org.milkmobs.base.packages": $packages}
  },
  rootfs: {type: "layers", diff_ids: [$sha]},
  history: [{created: $created, created_by: "scripts/base-image.sh: debootstrap \($suite) minbase + \($packages)"}]
}' > "$work/config.json"
config_sha=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/$config_sha.json"
jq -n --arg c "$config_sha.json" --arg l "$layer_sha/layer.tar" --arg t "$TAG" \
  '[{Config: $c, RepoTags: [$t], Layers: [$l]}]' > "$work/manifest.json"
tar --create --file "$OUT.part" --directory "$work" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
    manifest.json "$config_sha.json" "$layer_sha"
mv "$OUT.part" "$OUT"
echo "$key" > "$KEY_FILE"
rm -rf "$work" "$rootfs"
echo "base image built in $((SECONDS - start)) s: $(du -h "$OUT" | cut -f1), layer sha256:${layer_sha:0:12}" >&2
echo "$OUT"
