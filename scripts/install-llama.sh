#!/usr/bin/env bash
# Install llama-cpp-python built for this CPU into a venv, from a wheel cache keyed by the build
# flags. Default flags segfault here (llama.cpp picks AMX kernels), and pip's own cache keys wheels
# by version only, so a wheel built with other flags must never be reused silently.
# Usage: scripts/install-llama.sh [VENV]   (default .venv)
set -euo pipefail

VERSION=0.3.36
VENV=${1:-.venv}
PY="$VENV/bin/python"

cpu_flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
has() { [[ $cpu_flags == *" $1 "* ]]; }

# NATIVE=OFF keeps AMX out; each extension below is switched on only when the CPU reports it.
cmake_args="-DGGML_NATIVE=OFF"
for ext in avx avx2 fma f16c; do
    has "$ext" || cmake_args+=" -DGGML_${ext^^}=OFF"
done
if has avx512f; then
    cmake_args+=" -DGGML_AVX512=ON"
    has avx512vbmi && cmake_args+=" -DGGML_AVX512_VBMI=ON"
    has avx512_vnni && cmake_args+=" -DGGML_AVX512_VNNI=ON"
    has avx512_bf16 && cmake_args+=" -DGGML_AVX512_BF16=ON"
fi
has avx_vnni && cmake_args+=" -DGGML_AVX_VNNI=ON"

# The wheel is pure ctypes over a bundled libllama (py3-none), so only version and flags matter.
key=$(printf '%s %s' "$VERSION" "$cmake_args" | sha256sum | cut -c1-12)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/naba/wheels/$key"
marker="$VENV/.naba-llama-wheel"

if [[ -f $marker && $(cat "$marker") == "$key" ]] && "$PY" -c 'import llama_cpp' 2>/dev/null; then
    exit 0
fi

if ! compgen -G "$cache/llama_cpp_python-$VERSION-*.whl" >/dev/null; then
    echo "Building llama-cpp-python $VERSION with CMAKE_ARGS=\"$cmake_args\" (about 5 minutes)"
    mkdir -p "$cache"
    tmp=$(mktemp -d "$cache/.build.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    CMAKE_ARGS="$cmake_args" "$PY" -m pip wheel --no-cache-dir --no-deps -w "$tmp" \
        "llama-cpp-python==$VERSION"
    # The build flags travel with the wheel, so the cache can be audited.
    printf '%s\n' "$cmake_args" >"$cache/CMAKE_ARGS"
    mv "$tmp"/llama_cpp_python-"$VERSION"-*.whl "$cache/"
fi

# --no-deps: its dependencies (numpy, diskcache, ...) come from PyPI with the project install.
"$PY" -m pip install --quiet --no-index --no-deps --force-reinstall --find-links "$cache" \
    "llama-cpp-python==$VERSION"
echo "$key" >"$marker"
echo "llama-cpp-python $VERSION installed from $cache"
