#!/usr/bin/env bash
# Makes the development certificate a cluster's silos show each other (mutual TLS) and encrypt
# the session key ring with: self-signed RSA, for server and client authentication, in a PFX
# under certs/ (git-ignored). Idempotent: an existing certificate is kept; --force makes a new one.
# Prints the PFX path on its last line; its password is BUURTZORG_CERT_PASSWORD, by default
# "buurtzorg-dev" (README, docker-compose.yml).
#
# For development only: a throw-away key on this machine. A real deployment gives every host one
# cluster certificate from a secret store (README, "Cluster transport").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${BUURTZORG_CERT_DIR:-$ROOT/certs}"
PFX="$DIR/dev-cluster.pfx"
PASSWORD="${BUURTZORG_CERT_PASSWORD:-buurtzorg-dev}"

if [ -f "$PFX" ] && [ "${1:-}" != "--force" ]; then
  echo "$PFX"
  exit 0
fi

command -v openssl >/dev/null || { echo "openssl is needed (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$DIR"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# RSA rather than ECDSA: the key ring's XML encryption needs an RSA key.
openssl req -x509 -newkey rsa:3072 -sha256 -days 365 -nodes \
  -keyout "$work/key.pem" -out "$work/cert.pem" -subj "/CN=buurtzorg-dev-cluster" \
  -addext "keyUsage=critical,digitalSignature,keyEncipherment" \
  -addext "extendedKeyUsage=serverAuth,clientAuth" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
openssl pkcs12 -export -out "$PFX.tmp" -inkey "$work/key.pem" -in "$work/cert.pem" \
  -name buurtzorg-dev-cluster -passout "pass:$PASSWORD"
# Readable by the container's non-root user when mounted; the password still guards the key.
chmod 0644 "$PFX.tmp"
mv "$PFX.tmp" "$PFX"
echo "development cluster certificate written (password: \$BUURTZORG_CERT_PASSWORD or buurtzorg-dev)" >&2
echo "$PFX"
