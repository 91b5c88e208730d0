/**
 * sh stand-ins for systemctl and journalctl (this machine has systemd 252 but not as PID 1, so no manager
 * answers): they print the recorded output in tests/services/fixtures. Units live as `systemctl show`
 * files in $DIR/units/<unit>; stop and start rewrite ActiveState there, so a status read after an action
 * sees it. $DIR/old-systemd makes list-units print the table (systemd before 248); $DIR/deny makes
 * actions fail the way polkit refuses them.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuoted } from '../helpers/local-host-commands.js';

export const fixtures = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => shellQuoted(join(fixtures, name));

export const systemctlStandIn = `
for last in "$@"; do :; done
case "$1" in
  list-units)
    if [ -e "$DIR/old-systemd" ]; then /bin/cat ${fixture('systemctl-list-units-failed.plain.txt')}; exit 0; fi
    case "$*" in *--output=json*) /bin/cat "$DIR/failed.json";; *) /bin/cat ${fixture('systemctl-list-units-failed.plain.txt')};; esac ;;
  list-unit-files) /bin/cat "$DIR/unit-files.json" ;;
  show)
    if [ -f "$DIR/units/$last" ]; then /bin/cat "$DIR/units/$last"
    else sed "s/nosuch.service/$last/" ${fixture('systemctl-show-not-found.txt')}; fi ;;
  restart|start|stop)
    if [ -e "$DIR/deny" ]; then
      echo "Failed to $1 $last: Access denied" >&2
      echo "See system logs and 'systemctl status $last' for details." >&2
      exit 1
    fi
    if [ "$1" = stop ]; then state=inactive; sub=dead; else state=active; sub=running; fi
    sed -i "s/^ActiveState=.*/ActiveState=$state/; s/^SubState=.*/SubState=$sub/" "$DIR/units/$last" ;;
  *) echo "Unknown command verb $1." >&2; exit 1 ;;
esac
`;

export const journalctlStandIn = `
case "$*" in
  *"-p err"*) /bin/cat ${fixture('journalctl-u-nginx-p-err.json')} ;;
  *) /bin/cat ${fixture('journalctl-u-nginx-n5.json')} ;;
esac
`;

/** Sets up the stand-ins' state: the installed units, their `show` files, and the failed list. */
export function seedUnits(dir: string, options: { failed?: string } = {}): void {
  mkdirSync(join(dir, 'units'), { recursive: true });
  copyFileSync(join(fixtures, 'systemctl-show-jellyfin.txt'), join(dir, 'units', 'jellyfin.service'));
  writeFileSync(
    join(dir, 'units', 'nginx.service'),
    'Id=nginx.service\nDescription=A high performance web server\nLoadState=loaded\nActiveState=active\nSubState=running\nUnitFileState=enabled\nMainPID=901\nNRestarts=0\nResult=success\n',
  );
  writeFileSync(
    join(dir, 'unit-files.json'),
    JSON.stringify([
      { unit_file: 'jellyfin.service', state: 'enabled', preset: 'enabled' },
      { unit_file: 'nginx.service', state: 'enabled', preset: 'enabled' },
      { unit_file: 'getty@.service', state: 'enabled', preset: 'enabled' },
    ]),
  );
  copyFileSync(options.failed ?? join(fixtures, 'systemctl-list-units-failed.json'), join(dir, 'failed.json'));
}
