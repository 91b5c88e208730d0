/** Unit names are checked against systemd's charset before anything runs; hostile ones get one sentence. */
import { describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.js';
import { checkedUnitName, spokenUnit } from '../../tools/services/unit-name.js';

describe('unit names', () => {
  it('adds .service to a bare name and keeps other types', () => {
    expect(checkedUnitName('t', 'jellyfin')).toBe('jellyfin.service');
    expect(checkedUnitName('t', 'borgmatic.timer')).toBe('borgmatic.timer');
    expect(checkedUnitName('t', 'getty@tty1.service')).toBe('getty@tty1.service');
    expect(checkedUnitName('t', 'systemd-fsck@dev-disk-by\\x2duuid-1234.service')).toContain('\\x2d');
    expect(spokenUnit('jellyfin.service')).toBe('jellyfin');
  });

  it.each([
    'x; rm -rf /',
    '$(reboot)',
    '`id`',
    'nginx && shutdown',
    '--help',
    '-H evil',
    'a b',
    'nginx\nrestart',
    'unit|tee',
    '../../etc/passwd',
    'x'.repeat(300),
  ])('refuses %j with one sentence', (name) => {
    let caught: unknown;
    try {
      checkedUnitName('systemd_restart', name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ToolError);
    const message = (caught as ToolError).message;
    expect(message).toMatch(/is not a systemd unit name/);
    expect(message.split(/[.!?]\s/).length).toBeLessThanOrEqual(2);
    expect(message).not.toContain('\n');
  });
});
