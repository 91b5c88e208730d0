/**
 * sh stand-ins for smartctl, zpool and cat /proc/mdstat, for what this VM has not (SMART-capable drives,
 * ZFS pools, md arrays): they print the files in tests/storage/fixtures, chosen by files in $DIR.
 * smartctl exits with the fixture's own exit_status, as the real one does.
 */
import { join } from 'node:path';
import { shellQuoted } from '../helpers/local-host-commands.js';

export const fixtures = join(import.meta.dirname, 'fixtures');
const fixtureDir = shellQuoted(fixtures);

export const smartctlStandIn = `
for last in "$@"; do :; done
case "$*" in *--scan*) /bin/cat ${fixtureDir}/$(/bin/cat "$DIR/scan"); exit 0;; esac
file=${fixtureDir}/$(/bin/cat "$DIR/$(basename "$last")")
/bin/cat "$file"
exit $(sed -n 's/.*"exit_status": \\([0-9]*\\).*/\\1/p' "$file" | head -n 1)
`;

export const zpoolStandIn = `
for last in "$@"; do :; done
case "$1 $2" in
  "list -H") /bin/cat ${fixtureDir}/zpool-list.txt ;;
  "status -x") /bin/cat ${fixtureDir}/$(/bin/cat "$DIR/status-x") ;;
  "status -p") /bin/cat ${fixtureDir}/$(/bin/cat "$DIR/pool-$last") ;;
  *) echo "unrecognized command '$1'" >&2; exit 2 ;;
esac
`;

export const catStandIn = `/bin/cat ${fixtureDir}/$(/bin/cat "$DIR/mdstat")`;
