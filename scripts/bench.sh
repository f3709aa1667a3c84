#!/usr/bin/env bash
# Benchmarks: separate commands that print figures (never part of the test command).
#   ./mm bench jobs [jobs] [threads] [batch] [rounds]   job table: claim -> complete vs a bare SQL loop
#   ./mm bench analyzer [rounds]                         local analyzer on a 60 s 720p clip vs ffmpeg decode
#   ./mm bench vectors [count] [dimension]               pgvector: vector vs halfvec (size, build, latency, recall)
#   ./mm bench search [videos] [queries] [warm-up]       GET /api/search/similar on the WAR vs the raw k-NN SQL, recall@10
#   ./mm bench upload [MiB] [heap]                      a 1 GiB video through upload, pipeline, download; server at -Xmx256m
#   ./mm bench kmeans [points] [dimension] [k] [iters]   batch k-means, ours vs Smile's, on 100k x 512, K=64 by default
#   ./mm bench gateway [calls] [warm-up]                 POST /v1/embeddings on the WAR vs a direct AWS SDK call, both to the Bedrock double
# Benchmarks run against the durable dev cluster (fsync on), in a database of their own that is dropped after.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
name=${1:-}
shift || true

scripts/install-system-deps.sh
scripts/db.sh start dev >/dev/null 2>&1
export MILKMOBS_TEST_DB_URL=$(scripts/db.sh url dev)
mvn -B -ntp -q install -DskipTests

exec_test_main() { # module, class, args...
  local module=$1 class=$2
  shift 2
  mvn -B -ntp -q -pl "$module" exec:java -Dexec.classpathScope=test -Dexec.mainClass="$class" \
    -Dexec.args="$*" -Djava.util.logging.config.file="$ROOT/.mvn/test-logging.properties" ${BENCH_PROPERTIES:-}
}

case "$name" in
  jobs) exec_test_main adapters-persistence org.milkmobs.adapters.persistence.pipeline.JobQueueBenchmark "$@" ;;
  vectors) exec_test_main adapters-persistence org.milkmobs.adapters.persistence.bench.VectorStorageBenchmark "$@" ;;
  search | upload | gateway)
    # these benchmarks boot the packaged WAR, as the system tests do
    BENCH_PROPERTIES="-Dmilkmobs.war=$ROOT/bootstrap/target/milkmobs.war -Dmilkmobs.payara=$ROOT/bootstrap/target/payara-micro.jar"
    BENCH_PROPERTIES+=" -Dmilkmobs.workdir=$ROOT/bootstrap/target/bench"
    # the gateway benchmark starts the Bedrock double, whose asynchronous output goes through S3Proxy
    BENCH_PROPERTIES+=" -Dmilkmobs.s3proxy.jar=$ROOT/bootstrap/target/test-tools/s3proxy.jar"
    case "$name" in search) class=SearchBenchmark ;; upload) class=UploadBenchmark ;; gateway) class=GatewayBenchmark ;; esac
    exec_test_main bootstrap "org.milkmobs.bootstrap.bench.$class" "$@" ;;
  kmeans) MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx6g" exec_test_main domain org.milkmobs.domain.mob.KMeansBenchmark "$@" ;;
  analyzer) exec_test_main adapters-media org.milkmobs.adapters.media.local.LocalAnalyzerBenchmark "$@" ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
