import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends a request with the path exactly as given (fetch would normalise `/../` away before it
 * left the client, and the point is to see what the server does with it).
 */
export function rawRequest(base: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface EventStream {
  /** Resolves with the event's data when an event of this name arrives (or has arrived); rejects after `timeoutMs`. */
  next(name: string, timeoutMs?: number): Promise<string>;
  /** Every event name received so far. */
  readonly names: string[];
  close(): void;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

/** Subscribes to serve's reload events as the page at `pagePath` (opened at `version`) would. */
export function openEvents(base: string, pagePath: string, version: number, instance?: string): Promise<EventStream> {
  const url = new URL(base);
  const path = `/__healthmd/events?path=${encodeURIComponent(pagePath)}&version=${version}${instance ? `&instance=${instance}` : ''}`;
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, agent: false }, (res) => {
      res.setEncoding('utf8');
      const events: { name: string; data: string }[] = [];
      const waiters: (() => void)[] = [];
      let buffer = '';
      let endedResolve: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          if (name) events.push({ name, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' });
        }
        for (const wake of waiters.splice(0)) wake();
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      resolve({
        get names() {
          return events.map((e) => e.name);
        },
        get ended() {
          return ended;
        },
        next(name, timeoutMs = 5000) {
          return new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no '${name}' event within ${timeoutMs} ms`)), timeoutMs);
            const check = () => {
              const event = events.find((e) => e.name === name);
              if (event) {
                clearTimeout(timer);
                done(event.data);
              } else {
                waiters.push(check);
              }
            };
            check();
          });
        },
        close() {
          req.destroy();
        },
      } as EventStream);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls `probe` until it returns something other than undefined; rejects after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
