#!/bin/sh
# A private Docker engine for sysvox's tests: Debian's dockerd (docker.io) on its own socket and data
# dir, a busybox image imported from Debian's busybox-static, and fixture containers labelled
# sysvox.test=1 that are healthy, unhealthy, exited and restarting.
#
#   scripts/docker-test-engine.sh start   # idempotent: starts dockerd if needed, (re)creates fixtures
#   scripts/docker-test-engine.sh env     # prints DOCKER_HOST=unix:///tmp/sysvox-docker/docker.sock
#   scripts/docker-test-engine.sh status  # exit 0 when the engine answers
#   scripts/docker-test-engine.sh stop    # stops dockerd and removes everything it made
#
# Needs root (dockerd) and the Debian packages docker.io and busybox-static.
# SYSVOX_TEST_DOCKER_DIR moves the whole thing (default /tmp/sysvox-docker).
set -eu

DIR="${SYSVOX_TEST_DOCKER_DIR:-/tmp/sysvox-docker}"
SOCKET="$DIR/docker.sock"
PIDFILE="$DIR/dockerd.pid"
LOGFILE="$DIR/dockerd.log"
LOCKFILE="${DIR%/}.lock"
IMAGE="busybox:sysvox"
BUSYBOX="${SYSVOX_BUSYBOX:-/bin/busybox}"
export DOCKER_HOST="unix://$SOCKET"

say() { printf 'docker-test-engine: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

wait_until_answers() {
  tries=0
  while ! answers; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then return 1; fi
    if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then return 1; fi
    sleep 0.5
  done
}

launch_dockerd() {
  # $1: extra storage flag (empty, or --storage-driver=vfs when overlay is not available)
  mkdir -p "$DIR/data" "$DIR/exec"
  # Close every inherited descriptor above stderr (a caller's pipe would otherwise stay open for as
  # long as dockerd lives, and a caller waiting on that pipe would hang).
  # shellcheck disable=SC2016,SC2086
  setsid bash -c 'for fd in /proc/$$/fd/*; do n="${fd##*/}"; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done
    exec "$@"' dockerd-launcher dockerd \
    --host "unix://$SOCKET" --data-root "$DIR/data" --exec-root "$DIR/exec" --pidfile "$PIDFILE" \
    --iptables=false --ip-forward=false --ip-masq=false --bridge=none \
    --shutdown-timeout 2 $1 >>"$LOGFILE" 2>&1 </dev/null &
}

stop_dockerd() {
  if [ -f "$PIDFILE" ]; then
    pid="$(cat "$PIDFILE")"
    kill "$pid" 2>/dev/null || true
    tries=0
    while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 60 ]; do sleep 0.5; tries=$((tries + 1)); done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
  fi
}

start_engine() {
  command -v dockerd >/dev/null || fail "dockerd not found: apt-get install docker.io"
  [ "$(id -u)" = 0 ] || fail "dockerd needs root: run this script with sudo"
  if answers; then return 0; fi
  # On a machine without an init system nothing may have mounted the cgroup hierarchy dockerd needs.
  if ! grep -q ' /sys/fs/cgroup' /proc/mounts && command -v cgroupfs-mount >/dev/null; then
    say "mounting cgroups (cgroupfs-mount)"
    cgroupfs-mount || say "cgroupfs-mount failed; dockerd may not start"
  fi
  rm -f "$SOCKET" "$PIDFILE"
  launch_dockerd ""
  if wait_until_answers; then return 0; fi
  say "dockerd did not answer with the default storage driver; trying vfs (log: $LOGFILE)"
  stop_dockerd
  launch_dockerd "--storage-driver=vfs"
  wait_until_answers || fail "dockerd did not start; see $LOGFILE"
}

import_image() {
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then return 0; fi
  [ -x "$BUSYBOX" ] || fail "$BUSYBOX not found: apt-get install busybox-static"
  root="$(mktemp -d)"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp "$BUSYBOX" "$root/bin/busybox"
  for applet in $("$BUSYBOX" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
  rm -rf "$root"
}

exists() { docker container inspect "$1" >/dev/null 2>&1; }

# fixture NAME [docker run options...] IMAGE COMMAND...: created once, kept across starts (create_fixtures
# starts the long-running ones again if the engine restarted).
fixture() {
  name="$1"; shift
  if exists "$name"; then return 0; fi
  docker run -d --name "$name" --label sysvox.test=1 --network none "$@" >/dev/null
}

create_fixtures() {
  fixture web-healthy \
    --health-cmd 'true' --health-interval 1s --health-timeout 1s --health-retries 1 \
    "$IMAGE" sh -c 'echo "web: listening on :8080"; while true; do sleep 1; done'
  fixture db-unhealthy \
    --health-cmd 'echo "db: connection refused on port 5432"; exit 1' \
    --health-interval 1s --health-timeout 1s --health-retries 1 \
    "$IMAGE" sh -c 'echo "db: starting"; while true; do sleep 1; done'
  fixture job-exited \
    "$IMAGE" sh -c 'echo "job: backup started"; echo "job: backup failed: disk full" >&2; exit 3'
  fixture worker-restarting --restart always \
    "$IMAGE" sh -c 'echo "worker: cannot open queue" >&2; exit 1'
  fixture plex-server \
    -e SECRET_TOKEN=hunter2-should-never-leak -e DB_PASSWORD=correct-horse-battery-staple \
    --health-cmd 'true' --health-interval 1s --health-timeout 1s --health-retries 1 \
    "$IMAGE" sh -c 'echo "plex: starting media server"; echo "plex: warning: transcoder cache is cold" >&2;
      i=0; while true; do i=$((i + 1)); echo "plex: served request $i"; echo "plex: slow client $i" >&2; sleep 2; done'
  for name in web-healthy db-unhealthy plex-server; do
    [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || docker start "$name" >/dev/null
  done
}

health_of() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$1" 2>/dev/null; }

wait_for_health() {
  tries=0
  until [ "$(health_of web-healthy)" = healthy ] && [ "$(health_of plex-server)" = healthy ] \
    && [ "$(health_of db-unhealthy)" = unhealthy ] \
    && [ "$(docker inspect -f '{{.State.Status}}' job-exited)" = exited ]; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || fail "fixtures did not settle in 30 s; see docker ps -a"
    sleep 0.5
  done
}

cleanup_dir() {
  # Leftover overlay or shm mounts under the data dir would make rm fail.
  grep " $DIR/" /proc/mounts | awk '{print $2}' | sort -r | while read -r mountpoint; do
    umount -l "$mountpoint" 2>/dev/null || true
  done
  rm -rf "$DIR"
}

with_lock() {
  mkdir -p "$(dirname "$LOCKFILE")"
  exec 9>"$LOCKFILE"
  flock 9
}

case "${1:-}" in
  start)
    with_lock
    start_engine
    import_image
    create_fixtures
    wait_for_health
    say "ready on $SOCKET"
    echo "DOCKER_HOST=$DOCKER_HOST"
    ;;
  env)
    echo "DOCKER_HOST=$DOCKER_HOST"
    ;;
  status)
    if answers; then echo "running: $DOCKER_HOST"; else echo "not running"; exit 1; fi
    ;;
  stop)
    with_lock
    stop_dockerd
    cleanup_dir
    say "stopped"
    ;;
  *)
    echo "usage: $0 start|stop|env|status" >&2
    exit 2
    ;;
esac
