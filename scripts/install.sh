#!/usr/bin/env bash
# Installs sysvox as a systemd service on Debian 12/13, Ubuntu 24.04 or Raspberry Pi OS (arm64), from
# this checkout. Idempotent: a second run changes nothing. Run as root.
#
#   sudo scripts/install.sh               # install or upgrade, enable and (re)start the unit, run doctor
#   sudo scripts/install.sh --no-start    # everything but starting the service
#   sudo scripts/install.sh --uninstall   # remove the app and the unit; keep config, data and the user
#   sudo scripts/install.sh --uninstall --purge   # also remove /etc/sysvox, /var/lib/sysvox, the user
#
# Where things go: the app (this tree, its node_modules with the pinned Node 22) in /opt/sysvox, owned by
# root; the config in /etc/sysvox; data and models in /var/lib/sysvox (the sysvox user's, mode 0700);
# secrets in /etc/credstore; the unit in /etc/systemd/system. SYSVOX_MODEL_MIRROR, HTTPS_PROXY and
# HTTP_PROXY are honoured for the models.
set -euo pipefail
export ONNXRUNTIME_NODE_INSTALL=skip LC_ALL=C

source_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="/opt/sysvox"
etc="/etc/sysvox"
data="/var/lib/sysvox"
unit_dir="/etc/systemd/system"
unit="$unit_dir/sysvox.service"
dropin_dir="$unit_dir/sysvox.service.d"
user=sysvox
mode=install start=yes purge=no changes=0

say() { printf 'install: %s\n' "$*"; }
fail() { printf 'install: %s\n' "$*" >&2; exit 1; }
changed() { changes=$((changes + 1)); say "$*"; }
usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

for argument in "$@"; do
  case "$argument" in
    --uninstall) mode=uninstall ;;
    --purge) purge=yes ;;
    --no-start) start=no ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option: $argument" ;;
  esac
done
[ "$purge" = no ] || [ "$mode" = uninstall ] || fail "--purge only goes with --uninstall"
[ "$(id -u)" -eq 0 ] || fail "run it as root: sudo $0 $*"

systemd_running() { [ -d /run/systemd/system ]; }

check_platform() {
  # shellcheck disable=SC1091
  [ -r /etc/os-release ] && . /etc/os-release
  local os="${ID:-unknown} ${VERSION_ID:-}"
  case "$os" in
    "debian 12" | "debian 13" | "ubuntu 24.04" | "raspbian 12" | "raspbian 13") ;;
    *) say "warning: $os is not a tested platform (Debian 12/13, Ubuntu 24.04, Raspberry Pi OS); carrying on" ;;
  esac
  case "$(uname -m)" in
    x86_64 | aarch64) ;;
    *) say "warning: $(uname -m): Piper's release binaries exist for x86_64 and aarch64 only; espeak-ng speaks instead" ;;
  esac
}

install_packages() {
  local packages=(
    espeak-ng pocketsphinx pocketsphinx-en-us # offline speech: the fallback TTS and the command recogniser
    ffmpeg sox alsa-utils                     # audio conversion (voice notes), capture and playback
    build-essential                           # whisper.cpp's server and the native npm modules
    systemd adduser ca-certificates xz-utils  # systemd-notify, the user, downloads, Piper's archive
  )
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm) # only to fetch the pinned Node 22 (npm ci)
  local missing=() package
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  changed "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_user() {
  if ! getent passwd "$user" >/dev/null; then
    adduser --system --group --home /var/lib/sysvox --no-create-home --shell /usr/sbin/nologin "$user" >/dev/null
    changed "created the system user $user"
  fi
  if getent group audio >/dev/null && ! id -nG "$user" | tr ' ' '\n' | grep -qx audio; then
    adduser "$user" audio >/dev/null
    changed "added $user to the audio group (the microphone and the speaker)"
  fi
}

# A hash of everything the app is built from, so an unchanged checkout is not copied or rebuilt again.
source_hash() {
  (cd "$source_root" && find . \( -path ./.git -o -path ./node_modules -o -path ./data -o -path ./.cache \
    -o -path ./dist -o -path ./coverage \) -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum |
    sha256sum | cut -d' ' -f1)
}

install_app() {
  local hash stamp="$app/.sysvox-source-sha256"
  hash="$(source_hash)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -x "$app/node_modules/node/bin/node" ]; then
    return 0
  fi
  local staging="$app.new"
  rm -rf "$staging" && mkdir -p "$staging"
  tar -C "$source_root" --exclude=./.git --exclude=./node_modules --exclude=./data --exclude=./.cache \
    --exclude=./dist --exclude=./coverage -cf - . | tar -C "$staging" -xf -
  say "building the app in $staging (npm ci, Node 22, native modules, TypeScript)"
  # Chained with &&: `set -e` does not apply inside a subshell whose status is tested.
  (
    cd "$staging" &&
      npm ci --ignore-scripts --no-audit --no-fund --loglevel=error &&
      npm rebuild node --loglevel=error &&
      runtime_dir="$(echo "$PWD"/node_modules/node/node_modules/node-linux-*)" &&
      [ -d "$runtime_dir/include/node" ] &&
      export npm_config_nodedir="$runtime_dir" PATH="$PWD/node_modules/.bin:$PATH" &&
      npm rebuild --loglevel=error &&
      npm run build --silent &&
      npm prune --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error &&
      node bin/sysvox.js --version >/dev/null
  ) || fail "the app did not build in $staging; the installed version (if any) is untouched"
  echo "$hash" >"$staging/.sysvox-source-sha256"
  chown -R root:root "$staging" && chmod -R go-w "$staging"
  rm -rf "$app.old"
  [ ! -d "$app" ] || mv "$app" "$app.old"
  mv "$staging" "$app" && rm -rf "$app.old"
  ln -sfn "$app/node_modules/node/bin/node" "$app/node"
  changed "installed the app in $app ($("$app/node" --version))"
}

# Writes $2 to $1 only when the content differs, with mode $3.
put_file() {
  local target="$1" content="$2" file_mode="$3"
  if [ -f "$target" ] && [ "$(cat "$target")" = "$content" ]; then
    [ "$(stat -c %a "$target")" = "$file_mode" ] || { chmod "$file_mode" "$target"; changed "mode $file_mode on $target"; }
    return 1
  fi
  mkdir -p "$(dirname "$target")"
  printf '%s\n' "$content" >"$target.tmp" && chmod "$file_mode" "$target.tmp" && mv "$target.tmp" "$target"
  changed "wrote $target"
}

ensure_dir() { # path mode owner
  if [ ! -d "$1" ]; then mkdir -p "$1"; changed "created $1"; fi
  [ "$(stat -c %a "$1")" = "$2" ] || { chmod "$2" "$1"; changed "mode $2 on $1"; }
  [ "$(stat -c %U:%G "$1")" = "$3" ] || { chown "$3" "$1"; changed "owner $3 on $1"; }
}

install_files() {
  ensure_dir "$etc" 755 root:root
  ensure_dir "/etc/credstore" 700 root:root
  ensure_dir "$data" 700 "$user:$user"
  put_file "$etc/config.example.yaml" "$(cat "$app/systemd/config.example.yaml")" 644 || true
  if [ ! -e "$etc/config.yaml" ]; then
    put_file "$etc/config.yaml" "$(cat "$app/systemd/config.example.yaml")" 644 || true
  fi
  # The CLI for people: `sysvox doctor`, `sysvox models`, run as the service runs.
  put_file "/usr/local/bin/sysvox" "$(sysvox_wrapper)" 755 || true
}

sysvox_wrapper() {
  cat <<'EOF'
#!/bin/sh
# sysvox's CLI as the service sees it (scripts/install.sh); run as the sysvox user when called as root.
export SYSVOX_CONFIG="${SYSVOX_CONFIG:-/etc/sysvox/config.yaml}" SYSVOX_DATA="${SYSVOX_DATA:-/var/lib/sysvox}"
if [ "$(id -u)" -eq 0 ]; then
  exec runuser -u sysvox -- env SYSVOX_CONFIG="$SYSVOX_CONFIG" SYSVOX_DATA="$SYSVOX_DATA" \
    /opt/sysvox/node /opt/sysvox/bin/sysvox.js "$@"
fi
exec /opt/sysvox/node /opt/sysvox/bin/sysvox.js "$@"
EOF
}

build_whisper() {
  local before after
  before="$(cat "$data/bin/whisper-server.source-sha256" 2>/dev/null || true)"
  if ! (cd "$app" && SYSVOX_DATA="$data" sh scripts/build-whisper.sh >/dev/null); then
    say "warning: whisper.cpp's server did not build; pocketsphinx stays the speech-to-text engine"
    return 0
  fi
  after="$(cat "$data/bin/whisper-server.source-sha256" 2>/dev/null || true)"
  [ "$before" = "$after" ] || changed "built whisper.cpp's server: $data/bin/whisper-server"
  chown -R "$user:$user" "$data/bin"
}

fetch_models() {
  local before after
  before="$(models_state)"
  if ! runuser -u "$user" -- env SYSVOX_DATA="$data" SYSVOX_MODEL_MIRROR="${SYSVOX_MODEL_MIRROR:-}" \
    HTTPS_PROXY="${HTTPS_PROXY:-}" HTTP_PROXY="${HTTP_PROXY:-}" NO_PROXY="${NO_PROXY:-}" \
    "$app/node" "$app/bin/sysvox.js" models fetch; then
    say "warning: some models could not be fetched (above); sysvox falls back to pocketsphinx and espeak-ng"
    say "         fetch them later with: sudo sysvox models fetch"
  fi
  after="$(models_state)"
  [ "$before" = "$after" ] || changed "models updated in $data/models"
}

models_state() { (cd "$data" 2>/dev/null && find models -type f -printf '%p %s\n' 2>/dev/null | sort) || true; }

install_unit() {
  local unit_changed=no
  put_file "$unit" "$(cat "$app/systemd/sysvox.service")" 644 && unit_changed=yes
  # The unit asks for the docker group; without Docker on this machine that group does not exist and
  # systemd would refuse to start the service, so a drop-in narrows it to audio.
  if getent group docker >/dev/null; then
    if [ -e "$dropin_dir/10-no-docker.conf" ]; then
      rm -f "$dropin_dir/10-no-docker.conf" && rmdir --ignore-fail-on-non-empty "$dropin_dir"
      changed "Docker is installed now: removed $dropin_dir/10-no-docker.conf" && unit_changed=yes
    fi
  else
    put_file "$dropin_dir/10-no-docker.conf" "$(printf '%s\n' '# Written by scripts/install.sh: this machine has no docker group (no Docker engine).' \
      '[Service]' 'SupplementaryGroups=' 'SupplementaryGroups=audio')" 644 && unit_changed=yes
  fi
  systemd_running && [ "$unit_changed" = yes ] && systemctl daemon-reload
  if ! systemctl is-enabled --quiet sysvox 2>/dev/null; then
    systemctl enable sysvox 2>&1 | sed 's/^/install: /'
    changed "enabled sysvox.service (starts at boot)"
  fi
  if [ "$start" = yes ] && systemd_running; then
    if [ "$changes" -gt 0 ] || ! systemctl is-active --quiet sysvox; then
      say "restarting sysvox.service"
      systemctl restart sysvox || say "warning: sysvox did not start: journalctl -u sysvox -n 50"
    fi
  elif ! systemd_running; then
    say "systemd is not running here (a container or chroot): the unit is enabled for the next boot"
  fi
}

run_doctor() {
  say "sysvox doctor:"
  local status=0
  runuser -u "$user" -- env SYSVOX_CONFIG="$etc/config.yaml" SYSVOX_DATA="$data" \
    "$app/node" "$app/bin/sysvox.js" doctor || status=$?
  case "$status" in
    0) say "doctor: everything is ok" ;;
    1) say "doctor: working, with warnings (above)" ;;
    *) say "doctor: something needs fixing (above); then: sudo systemctl restart sysvox" ;;
  esac
}

uninstall() {
  if systemctl is-enabled --quiet sysvox 2>/dev/null || systemctl is-active --quiet sysvox 2>/dev/null; then
    systemctl disable --now sysvox 2>/dev/null || systemctl disable sysvox 2>/dev/null || true
    changed "stopped and disabled sysvox.service"
  fi
  local path
  for path in "$unit" "$dropin_dir" "$app" "$app.new" "$app.old" "/usr/local/bin/sysvox"; do
    if [ -e "$path" ] || [ -L "$path" ]; then rm -rf "$path"; changed "removed $path"; fi
  done
  systemd_running && systemctl daemon-reload
  if [ "$purge" = yes ]; then
    for path in "$etc" "$data" /etc/credstore/sysvox.*; do
      if [ -e "$path" ]; then rm -rf "$path"; changed "removed $path"; fi
    done
    if getent passwd "$user" >/dev/null; then
      deluser --system "$user" >/dev/null 2>&1 || userdel "$user"
      changed "removed the user $user"
    fi
    getent group "$user" >/dev/null && groupdel "$user" 2>/dev/null || true
  else
    say "kept $etc, $data and the user $user (remove them with --uninstall --purge)"
  fi
  say "the Debian packages stay installed (apt-get autoremove does not know they were ours)"
}

started=$(date +%s)
if [ "$mode" = uninstall ]; then
  uninstall
else
  check_platform
  install_packages
  ensure_user
  install_app
  install_files
  build_whisper
  fetch_models
  install_unit
  run_doctor
fi
if [ "$changes" -eq 0 ]; then say "nothing changed"; else say "$changes changes in $(($(date +%s) - started)) s"; fi
