#!/usr/bin/env bash
# tools/install-deps.sh — installs the Debian packages pyjitvm needs, when missing.
# Idempotent: does nothing (no apt-get update) when everything is already installed.
set -euo pipefail
pkgs=(
  cmake ninja-build g++ pkg-config python3
  libgmp-dev            # arbitrary-precision int (vm/bigint.cpp)
  libgtest-dev libgmock-dev libbenchmark-dev
  libedit-dev           # REPL line editing (tools/repl.cpp)
  libffi-dev            # ctypes / cfunc (stdlib)
  libasmjit-dev libtbb-dev libsleef-dev   # jit/ (tracing JIT, parallel loops, vector math)
  libopenblas-dev liblapacke-dev          # numpy dot/matmul/linalg
)
# Optional, benchmarks only (bench/embed_call compares the embedding API's call cost
# with Lua 5.4 and embedded CPython); not needed to build or test:
#   PYJ_BENCH_DEPS=1 tools/install-deps.sh
if [ "${PYJ_BENCH_DEPS:-0}" = "1" ]; then
  pkgs+=(liblua5.4-dev python3-dev)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null

