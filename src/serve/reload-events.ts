import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SitePath } from '../render/links.js';
import { sitePathOfRequest } from './request-path.js';

interface Subscriber {
  response: ServerResponse;
  /** The page the browser shows (undefined: an address that is no page). */
  sitePath: SitePath | undefined;
  /** The version of the page the browser has. */
  version: number;
  /** The page was made by an earlier run of serve: whatever it shows may be out of date. */
  earlierRun: boolean;
  told: boolean;
}

/** Keeps idle connections open through proxies and tells a closed tab's connection apart. */
const KEEP_ALIVE_MS = 15_000;

/**
 * The server-sent event streams of open pages. Each page subscribes with its address and version;
 * after a rebuild a page is told to reload only when it is out of date.
 */
export class ReloadEvents {
  private readonly subscribers = new Set<Subscriber>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly isOutdated: (sitePath: SitePath | undefined, version: number) => boolean,
    /** This run of serve (pages carry the run that made them). */
    private readonly instance: string,
  ) {
    this.keepAlive = setInterval(() => {
      for (const subscriber of this.subscribers) subscriber.response.write(': keep-alive\n\n');
    }, KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  /** Opens a stream for `GET /__healthmd/events?path=/articles/x/&version=3&instance=…`. */
  subscribe(request: IncomingMessage, response: ServerResponse, query: URLSearchParams): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    // A browser retries a dropped stream after this many milliseconds (the default is 3 s).
    response.write('retry: 1000\n\n');
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const version = Number(query.get('version'));
    const subscriber: Subscriber = {
      response,
      sitePath: sitePathOfRequest(query.get('path') ?? ''),
      version: Number.isInteger(version) && version >= 0 ? version : 0,
      earlierRun: Boolean(query.get('instance')) && query.get('instance') !== this.instance,
      told: false,
    };
    this.subscribers.add(subscriber);
    request.on('close', () => this.subscribers.delete(subscriber));
    this.notify(subscriber);
  }

  /** Tells every out-of-date page to reload; returns how many were told. */
  publish(): number {
    let told = 0;
    for (const subscriber of this.subscribers) if (this.notify(subscriber)) told++;
    return told;
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Ends every stream (the server is stopping). */
  close(): void {
    clearInterval(this.keepAlive);
    for (const subscriber of this.subscribers) subscriber.response.end();
    this.subscribers.clear();
  }

  private notify(subscriber: Subscriber): boolean {
    if (subscriber.told || !(subscriber.earlierRun || this.isOutdated(subscriber.sitePath, subscriber.version))) return false;
    subscriber.told = true;
    subscriber.response.write('event: reload\ndata: {}\n\n');
    return true;
  }
}
