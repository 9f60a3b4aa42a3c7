#!/usr/bin/env bash
# Mints a bearer token (JWT, RS256) signed with the local signing key that deploy/local/run.sh created, for the local
# system only (issuer plenum-local). Creates the key, its public PEM and JWKS on first use.
#
#   deploy/local/mint-token.sh [--scopes "speakers:write topics:write"] [--ttl SECONDS] [--subject NAME] [--data-dir DIR]
#
# Scopes of the sample graph: speakers:write (create/update/delete speakers), topics:write (topics and quotes);
# topics:speaker-cleanup is the service credential speakers-service uses for topics-service's internal API.
# Default: every write scope, valid one day. Prints the token only, so: TOKEN=$(deploy/local/mint-token.sh ...)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
data_dir=${PLENUM_DATA_DIR:-$root/.plenum}
scopes="speakers:write topics:write"
ttl=86400
subject=local-user

while [ $# -gt 0 ]; do
  case "$1" in
    --scopes) scopes=$2; shift ;;
    --ttl) ttl=$2; shift ;;
    --subject) subject=$2; shift ;;
    --data-dir) data_dir=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "mint-token.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

issuer=plenum-local
audience=plenum
key_dir="$data_dir/auth"
key="$key_dir/signing-key.pem"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# The key pair: the private half never leaves the data folder; the public half as PEM and as a JWKS.
if [ ! -f "$key" ]; then
  mkdir -p "$key_dir"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null)
fi
if [ ! -f "$key_dir/jwks.json" ] || [ "$key" -nt "$key_dir/jwks.json" ]; then
  openssl pkey -in "$key" -pubout -out "$key_dir/public-key.pem"
  modulus=$(openssl rsa -in "$key" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)
  printf '{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"plenum-local","n":"%s","e":"AQAB"}]}\n' \
    "$modulus" >"$key_dir/jwks.json"
fi

json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"plenum-local"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"%s","sub":%s,"iat":%d,"exp":%d,"scope":%s}' \
  "$issuer" "$audience" "$(json_string "$subject")" "$now" "$((now + ttl))" "$(json_string "$scopes")" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
