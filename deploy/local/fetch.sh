#!/usr/bin/env bash
# Fetches the platform's infrastructure from Maven Central into the ignored .cache/ folder:
#   keycloak  -> .cache/keycloak-<version>/   (org.keycloak:keycloak-quarkus-dist, tar.gz)
#   kafka     -> .cache/kafka-<version>/libs  (org.apache.kafka:kafka_2.13 and its dependencies)
# Usage: fetch.sh [keycloak] [kafka]   (both when no argument). Idempotent.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$ROOT/.cache"
KEYCLOAK_VERSION=26.5.6
KAFKA_VERSION=4.1.2
MVN="$ROOT/mvnw"
mkdir -p "$CACHE"

fetch_keycloak() {
  local home="$CACHE/keycloak-$KEYCLOAK_VERSION"
  [ -x "$home/bin/kc.sh" ] && return 0
  echo "Fetching Keycloak $KEYCLOAK_VERSION ..."
  "$MVN" -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
    -DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true -f "$ROOT/deploy/local/kafka/pom.xml"
  local tmp="$CACHE/keycloak-unpack.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  tar -xzf "$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$tmp"
  rm -rf "$home" && mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$home" && rm -rf "$tmp"
  rm -f "$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
}

fetch_kafka() {
  local libs="$CACHE/kafka-$KAFKA_VERSION/libs"
  [ -f "$libs/kafka_2.13-$KAFKA_VERSION.jar" ] && return 0
  echo "Fetching Kafka $KAFKA_VERSION ..."
  "$MVN" -B -q dependency:copy-dependencies -DoutputDirectory="$libs" -DincludeScope=runtime \
    -f "$ROOT/deploy/local/kafka/pom.xml"
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(keycloak kafka)
for t in "${targets[@]}"; do
  case "$t" in
    keycloak) fetch_keycloak ;;
    kafka) fetch_kafka ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
  esac
done
