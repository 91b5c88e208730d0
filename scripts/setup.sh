#!/usr/bin/env bash
# One command that sets sysvox up on a fresh Debian 12 machine (run as root, or with sudo available):
# Debian packages, npm ci, the TypeScript build, whisper.cpp's server, and the models the manifest lists.
set -euo pipefail
# onnxruntime-node would download CUDA parts at install; the CPU build inside the package is all we use.
export ONNXRUNTIME_NODE_INSTALL=skip
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  espeak-ng            # offline text-to-speech (default and fallback)
  pocketsphinx pocketsphinx-en-us   # offline grammar speech-to-text
  ffmpeg sox           # audio conversion, Telegram voice notes
  alsa-utils           # arecord/aplay: capture and playback
  build-essential      # whisper.cpp server, native npm modules
  python3              # the tests' stand-in for systemd's notify socket
  systemd              # systemd-notify (the service's sd_notify) and systemd-analyze (the unit's tests)
  debootstrap curl systemd-container   # the installer's test: a fresh Debian root, booted by systemd-nspawn
  docker.io busybox-static   # the Docker engine the tests run containers on
  cgroupfs-mount xz-utils ca-certificates   # what docker.io recommends and dockerd uses here
  openssh-server openssh-client   # the SSH tests' loopback sshd hosts (never the system's own sshd) and ssh-keygen
)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# npm is only needed to fetch the pinned Node 22 (below); a machine without any node gets Debian's to start with.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  # openssh-server starts a system sshd on port 22 when installed: the tests run their own on loopback and
  # a fresh machine must not end up listening on 22. A policy-rc.d that refuses every start (exit 101)
  # holds the service back during the install; it is removed again, whatever happens.
  new_sshd=false
  [[ " ${missing[*]} " == *" openssh-server "* ]] && new_sshd=true
  policy=/usr/sbin/policy-rc.d
  wrote_policy=false
  if $new_sshd && [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
    wrote_policy=true
    trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if $wrote_policy; then
    as_root rm -f "$policy"
    trap - EXIT
  fi
  if $new_sshd && command -v systemctl >/dev/null 2>&1; then
    # Installed by this script, so nobody relied on it: not started at boot either.
    as_root systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
  fi
fi

# sysvox runs on Node 22 LTS or newer, whatever node this machine has: npm's `node` package (a pinned
# dependency) brings the official binary and its headers. Packages are installed without their build
# scripts first, so the native addons (better-sqlite3, naudiodon) are then built against that runtime.
echo "setup: npm ci"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
npm rebuild node --loglevel=error
export PATH="$PWD/node_modules/.bin:$PATH"
runtime_dir="$(echo "$PWD"/node_modules/node/node_modules/node-linux-*)"
[ -d "$runtime_dir/include/node" ] || { echo "setup: Node runtime headers not found in $runtime_dir" >&2; exit 1; }
export npm_config_nodedir="$runtime_dir"
echo "setup: native modules for Node $(node --version)"
npm rebuild --loglevel=error

echo "setup: build"
npm run build --silent

if [ -x scripts/build-whisper.sh ]; then
  echo "setup: whisper.cpp server"
  scripts/build-whisper.sh || echo "setup: whisper.cpp server did not build; pocketsphinx stays the speech-to-text engine"
fi

if [ -x scripts/fetch-models ]; then
  echo "setup: models (mirror: ${SYSVOX_MODEL_MIRROR:-none})"
  scripts/fetch-models || echo "setup: some models could not be fetched; 'sysvox doctor' says which and how to get them"
fi
echo "setup: done. Try: npx sysvox ask \"what is the cpu usage\""
