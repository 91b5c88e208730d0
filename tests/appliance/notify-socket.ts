/**
 * A stand-in for systemd's notify socket: Node cannot bind a unix datagram socket, so python3 does,
 * and prints each datagram it receives as one JSON string per line. Receiving with recv() drops the
 * pipe that systemd-notify's BARRIER=1 message carries, which is how systemd answers the barrier too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const receiver = `
import json, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print(json.dumps("LISTENING"), flush=True)
while True:
    print(json.dumps(s.recv(65536).decode()), flush=True)
`;

export interface NotifySocket {
  path: string;
  /** Every datagram so far, BARRIER=1 ones left out, in the order they came. */
  readonly messages: string[];
  /** Resolves with the first message for which `match` holds, or rejects after timeoutMs. */
  waitFor(match: (message: string) => boolean, timeoutMs: number): Promise<string>;
  close(): void;
}

export async function openNotifySocket(folder: string): Promise<NotifySocket> {
  const path = join(folder, 'notify.sock');
  const child: ChildProcess = spawn('python3', ['-c', receiver, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  let listening: () => void = () => {};
  const bound = new Promise<void>((resolve) => (listening = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const message = JSON.parse(line) as string;
      if (message === 'LISTENING') listening();
      else if (message.trim() !== 'BARRIER=1') messages.push(message);
    }
    for (const wake of waiters) wake();
  });
  await bound;
  return {
    path,
    messages,
    waitFor: (match, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found === undefined) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching notify message in ${timeoutMs} ms; got: ${JSON.stringify(messages)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () => child.kill(),
  };
}
