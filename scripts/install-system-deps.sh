#!/usr/bin/env bash
# Installs what Milk Mobs needs from the operating system, idempotently:
# PostgreSQL 15 with pgvector, ffmpeg/ffprobe, Tesseract OCR, Node.js + npm (the console's build) and
# Chromium + chromedriver (the console's browser tests) and nginx (the cluster test's load balancer).
# Debian bookworm has no pgvector package, so it is built from Debian trixie's source package
# (see docs/adr/0003-database-provisioning-without-docker.md). A second run takes well under a second.
set -euo pipefail

PG_MAJOR=${PG_MAJOR:-15}
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
WORK_DIR=${MILKMOBS_DEPS_DIR:-"$(cd "$(dirname "$0")/.." && pwd)/.deps"}

log() { printf '[deps] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
[ -x "$PG_BIN/postgres" ] || missing+=("postgresql-$PG_MAJOR")
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg)
command -v tesseract >/dev/null || missing+=(tesseract-ocr tesseract-ocr-eng)
# the tests draw captions with this font (ffmpeg's drawtext) to check OCR
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || missing+=(fonts-dejavu-core)
# the console (console/) builds with the system's node and npm from its lockfile (ADR 0014); Debian's node 18 suffices
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# the console's browser tests drive Debian's Chromium through Debian's chromedriver; nothing is downloaded at test time
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# the cluster test puts three instances behind Debian's nginx, as an on-prem load balancer (issue 24)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

pg_sharedir=$("$PG_BIN/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$PG_MAJOR")
if [ ! -f "$pg_sharedir/extension/vector.control" ]; then
  log "building pgvector for PostgreSQL $PG_MAJOR from Debian trixie's source package"
  apt_install "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev ca-certificates
  apt_state="$WORK_DIR/apt-trixie-src"
  mkdir -p "$apt_state/lists/partial" "$WORK_DIR/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
    >"$apt_state/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$apt_state/sources.list" -o Dir::Etc::SourceParts=/dev/null
            -o "Dir::State::Lists=$apt_state/lists")
  apt-get "${apt_opts[@]}" update -qq
  src_dir="$WORK_DIR/src"
  rm -rf "${src_dir:?}"/*
  (cd "$src_dir" && apt-get "${apt_opts[@]}" source -qq --download-only pgvector >/dev/null \
     && dpkg-source -x --no-check ./pgvector_*.dsc pgvector >/dev/null)
  # OPTFLAGS= gives a portable build (no -march=native), so the binary suits any CPU of this kind.
  make -s -C "$src_dir/pgvector" OPTFLAGS= PG_CONFIG="$PG_BIN/pg_config" >/dev/null
  as_root make -s -C "$src_dir/pgvector" OPTFLAGS= PG_CONFIG="$PG_BIN/pg_config" install >/dev/null
  log "pgvector installed: $(ls "$pg_sharedir"/extension/vector--*.sql | sort -V | tail -1 | xargs basename)"
fi
