#!/usr/bin/env bash
# Development-only JWTs for the local run: makes an RSA key pair under .data/jwt on first use, then
# prints a consumer token and an admin token signed with it. Never use these keys in production:
# configure mp.jwt.verify.publickey.location and mp.jwt.verify.issuer for your identity provider.
#   scripts/dev-tokens.sh [consumer-subject] [admin-subject] [days-valid]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KEYS="$ROOT/.data/jwt"
ISSUER=${MP_JWT_VERIFY_ISSUER:-milkmobs-dev}
consumer=${1:-dev-consumer}
admin=${2:-dev-admin}
days=${3:-30}

mkdir -p "$KEYS"
if [ ! -f "$KEYS/private-key.pem" ]; then
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/private-key.pem" 2>/dev/null)
  openssl pkey -in "$KEYS/private-key.pem" -pubout -out "$KEYS/public-key.pem"
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

token() { # subject, groups-json
  local now exp header payload
  now=$(date +%s)
  exp=$((now + days * 86400))
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":%s,"iat":%d,"exp":%d,"jti":"%s"}' \
    "$ISSUER" "$1" "$1" "$2" "$now" "$exp" "$(openssl rand -hex 12)" | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEYS/private-key.pem" | b64url)"
}

echo "CONSUMER_TOKEN=$(token "$consumer" '["user"]')"
echo "ADMIN_TOKEN=$(token "$admin" '["user","admin"]')"
