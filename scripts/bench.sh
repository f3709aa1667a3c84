#!/usr/bin/env bash
# Benchmarks: separate commands that print figures (never part of the test command).
#   ./mm bench jobs [jobs] [threads] [batch] [rounds] [pickups]  job table: claim -> complete vs a bare SQL loop and pgbench;
#                                                        pickup latency (enqueue commit -> claim), polling vs LISTEN/NOTIFY
#   ./mm bench analyzer [rounds]                         local analyzer on a 60 s 720p clip vs ffmpeg decode
#   ./mm bench vectors [count] [dimension]               pgvector: vector vs halfvec (size, build, latency, recall)
#   ./mm bench auth [clients] [seconds] [rounds] [warm-up]  authenticated GET /api/videos/{id} and /api/ping vs anonymous /api/ping
#   ./mm bench search [videos] [queries] [warm-up]       GET /api/search/similar on the WAR vs the raw k-NN SQL, recall@10
#                                                        (MILKMOBS_BENCH_COMPARE_WAR=another WAR: both on one corpus, in turn)
#   ./mm bench upload [MiB] [heap]                      a 1 GiB video through upload, pipeline, download; server at -Xmx256m
#   ./mm bench kmeans [points] [dimension] [k] [iters] [smile]  k-means on 100k x 512, K=64: one Lloyd iteration vs numpy,
#                                                        sampled vs full seeding (and Smile's run with "smile")
#   ./mm bench growth [sizes] [requests] [warm-up]       feed, mob page, similar, text search, admin list at each catalogue
#                                                        size (default 1000,10000,100000): p50/p95, req/s, ratios
#   ./mm bench events [events] [clients]                 commit -> webhook arrival and -> SSE client (p50/p95); N concurrent SSE clients
#   ./mm bench pickup [videos] [idle-ms]                 the WAR's own workers: a step's enqueue -> its start, from the history (p50/p95)
#   ./mm bench gateway [calls] [warm-up]                 POST /v1/embeddings on the WAR vs a direct AWS SDK call, both to the Bedrock double
#   ./mm bench console [loads] [warm-up]                 the console's first load in headless Chromium: bytes and time to data
#   ./mm bench relevance [families] [analyzers]          a generated labelled set on the WAR, local analyzer and Bedrock double:
#                                                        p@5 similar, ARI of mobs, nDCG@10 text (by fusion), near-dup P/R/F1,
#                                                        shared-intro false pairs, off-campaign accepted (MILKMOBS_BENCH_WAR=another WAR)
# Benchmarks run against the durable dev cluster (fsync on), in a database of their own that is dropped after.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
name=${1:-}
shift || true

fail() { echo "bench $name: $*" >&2; exit 1; }

module_of() { # the reactor module whose test classpath holds the benchmark
  case "$1" in
    jobs | vectors) echo adapters-persistence ;;
    auth | search | upload | growth | events | pickup | gateway | console | relevance) echo bootstrap ;;
    kmeans) echo domain ;;
    analyzer) echo adapters-media ;;
    *) return 1 ;;
  esac
}
module=$(module_of "$name") || { sed -n '2,21p' "$0" >&2; exit 2; }

scripts/install-system-deps.sh || fail "installing the system dependencies failed (above)"
# a benchmark that cannot reach its database says why and fails, rather than printing nothing
if ! db_log=$(scripts/db.sh start dev 2>&1); then
  echo "$db_log" >&2
  fail "cannot start the benchmark database on 127.0.0.1:${MILKMOBS_DB_PORT:-55432} (port taken? set MILKMOBS_DB_PORT)"
fi
export MILKMOBS_TEST_DB_URL=$(scripts/db.sh url dev)

# Build only the module and what it needs, and only when a source or pom changed since the last build
# for this module (a stamp under target/), so a second run starts at once.
stamp="$ROOT/target/bench-built-$module"
changed=$( [ -f "$stamp" ] && find . -path ./console/node_modules -prune -o -path ./console/src/generated -prune -o -path '*/target' -prune -o -path ./.data -prune -o \
  \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$stamp" -print -quit || echo never-built)
if [ -n "$changed" ]; then
  echo "bench $name: building $module and what it needs (${changed#./} changed)" >&2
  mkdir -p "$ROOT/target"
  touch "$stamp.new"
  mvn -B -ntp -q install -DskipTests -pl "$module" -am || { rm -f "$stamp.new"; fail "the build failed (above)"; }
  mv "$stamp.new" "$stamp"
fi

exec_test_main() { # module, class, args...
  local module=$1 class=$2
  shift 2
  mvn -B -ntp -q -pl "$module" exec:java -Dexec.classpathScope=test -Dexec.mainClass="$class" \
    -Dexec.args="$*" -Djava.util.logging.config.file="$ROOT/.mvn/test-logging.properties" ${BENCH_PROPERTIES:-}
}

case "$name" in
  jobs)
    # the anchor is pgbench from the same PostgreSQL binaries as the cluster (scripts/db.sh)
    BENCH_PROPERTIES="-Dmilkmobs.pgbench=${PG_BIN:-/usr/lib/postgresql/15/bin}/pgbench"
    exec_test_main adapters-persistence org.milkmobs.adapters.persistence.pipeline.JobQueueBenchmark "$@" ;;
  vectors) exec_test_main adapters-persistence org.milkmobs.adapters.persistence.bench.VectorStorageBenchmark "$@" ;;
  auth | search | upload | growth | events | pickup | gateway | console | relevance)
    # these benchmarks boot the packaged WAR, as the system tests do (MILKMOBS_BENCH_WAR: another build of it, e.g. an older
    # commit's, whose answers are then not checked against this build's openapi.yaml)
    BENCH_PROPERTIES="-Dmilkmobs.war=${MILKMOBS_BENCH_WAR:-$ROOT/bootstrap/target/milkmobs.war} -Dmilkmobs.payara=$ROOT/bootstrap/target/payara-micro.jar -Dmilkmobs.payara-commands=$ROOT/bootstrap/src/main/payara${MILKMOBS_BENCH_WAR:+ -Dmilkmobs.contract-check=off}"
    BENCH_PROPERTIES+=" -Dmilkmobs.workdir=$ROOT/bootstrap/target/bench"
    # search: MILKMOBS_BENCH_COMPARE_WAR runs a second server with that WAR on the same data, asked in turn with the first
    BENCH_PROPERTIES+=" -Dmilkmobs.compare-war=${MILKMOBS_BENCH_COMPARE_WAR:-}"
    # the gateway benchmark starts the Bedrock double, whose asynchronous output goes through S3Proxy
    BENCH_PROPERTIES+=" -Dmilkmobs.s3proxy.jar=$ROOT/bootstrap/target/test-tools/s3proxy.jar"
    case "$name" in auth) class=AuthBenchmark ;; search) class=SearchBenchmark ;; upload) class=UploadBenchmark ;; growth) class=GrowthBenchmark ;; events) class=EventsBenchmark ;; pickup) class=PickupBenchmark ;; gateway) class=GatewayBenchmark ;; console) class=ConsoleBenchmark ;;
      relevance) class=RelevanceBenchmark ;; esac
    exec_test_main bootstrap "org.milkmobs.bootstrap.bench.$class" "$@" ;;
  kmeans)
    # the numpy/OpenBLAS reference comes from Debian, installed here only (never by tests)
    if ! python3 -c 'import numpy' 2>/dev/null; then
      echo "bench kmeans: installing python3-numpy and OpenBLAS from Debian for the reference figure" >&2
      $( [ "$(id -u)" -eq 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy libopenblas0-pthread \
        >/dev/null || echo "bench kmeans: could not install numpy; its figure is left out" >&2
    fi
    MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx6g" exec_test_main domain org.milkmobs.domain.mob.KMeansBenchmark "$@" ;;
  analyzer) exec_test_main adapters-media org.milkmobs.adapters.media.local.LocalAnalyzerBenchmark "$@" ;;
  *) sed -n '2,21p' "$0" >&2; exit 2 ;;
esac
