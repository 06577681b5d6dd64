import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { HealthmdError, UsageError } from '../core/errors.js';
import { EVENTS_URL, OVERLAY_CSS, OVERLAY_STYLESHEET_URL, SERVE_PREFIX } from './client-assets.js';
import { isAllowedHost } from './allowed-host.js';
import { contentTypeOf } from './content-type.js';
import { PreviewSite, type UpdateResult } from './preview-site.js';
import { ReloadEvents } from './reload-events.js';
import { sitePathOfRequest } from './request-path.js';
import { watchProject, type ChangeBatch, type ProjectWatcher } from './watch-project.js';

export interface PreviewServerOptions {
  config: Config;
  cwd: string;
  now: CalendarDate;
  drafts: boolean;
  future?: boolean;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Quiet time after the last file event before rebuilding (default 50 ms). */
  debounceMs?: number;
  /** Watch the articles and templates folders (default true); tests may drive `apply` instead. */
  watch?: boolean;
  /** After each rebuild that changed something. */
  onUpdate?(result: UpdateResult): void;
  /** Something the user should know that does not stop the preview. */
  onWarning?(message: string): void;
}

export interface PreviewServer {
  /** `http://127.0.0.1:4000/`. */
  readonly url: string;
  readonly port: number;
  readonly site: PreviewSite;
  /** Takes in changed files now (what the watchers do after their debounce) and tells open pages to reload. */
  apply(batch: ChangeBatch): UpdateResult | undefined;
  /** Stops watching, ends the event streams and closes the server. */
  close(): Promise<void>;
}

const DEFAULT_DEBOUNCE_MS = 50;
/** Foreign hosts named in the terminal; a page retrying in a loop must not flood it. */
const MAX_REPORTED_HOSTS = 5;

/**
 * Serves the site from memory on `host:port`: pages, the stylesheet and images, the feed, and
 * serve's own endpoints under /__healthmd/. Only GET and HEAD; anything that is not part of the
 * site is a 404. Throws UsageError (exit 2) when the port is taken or the address is not local.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  let site: PreviewSite | undefined;
  let events: ReloadEvents | undefined;
  const warn = (message: string) => options.onWarning?.(message);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      warn(`internal error answering ${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) send(response, request, 500, 'text/plain; charset=utf-8', 'Internal error: see the terminal running healthmd serve.\n');
      else response.end();
    });
  });

  const refusedHosts = new Set<string>();
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Before anything else, on every route: a foreign Host is a page elsewhere reading the preview.
    if (!isAllowedHost(request.headers.host, options.host, port)) {
      refuseHost(request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      send(response, request, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD are served.\n');
      return;
    }
    const url = request.url ?? '/';
    const [pathname, query = ''] = url.split('?', 2);
    if (!site || !events) {
      send(response, request, 503, 'text/plain; charset=utf-8', 'Starting; try again in a moment.\n');
      return;
    }
    if (pathname.startsWith(SERVE_PREFIX)) {
      if (pathname === EVENTS_URL) events.subscribe(request, response, new URLSearchParams(query));
      else if (pathname === OVERLAY_STYLESHEET_URL) send(response, request, 200, contentTypeOf('overlay.css'), OVERLAY_CSS);
      else send(response, request, 404, 'text/plain; charset=utf-8', 'Not found.\n');
      return;
    }
    const sitePath = sitePathOfRequest(pathname);
    const answer = sitePath === undefined ? undefined : site.answer(sitePath);
    if (sitePath === undefined || answer === undefined) {
      send(response, request, 404, 'text/plain; charset=utf-8', 'Not found.\n');
      return;
    }
    switch (answer.kind) {
      case 'html':
        send(response, request, answer.status, contentTypeOf(''), answer.body);
        return;
      case 'text':
        send(response, request, 200, contentTypeOf(sitePath), answer.body);
        return;
      case 'redirect':
        response.setHeader('Location', answer.location);
        send(response, request, answer.status, 'text/plain; charset=utf-8', `See ${answer.location}\n`);
        return;
      case 'file': {
        let body: Buffer;
        try {
          body = await readFile(answer.file);
        } catch {
          send(response, request, 404, 'text/plain; charset=utf-8', 'Not found.\n');
          return;
        }
        send(response, request, 200, contentTypeOf(sitePath), body);
      }
    }
  }

  function refuseHost(request: IncomingMessage, response: ServerResponse): void {
    const host = request.headers.host ?? '';
    if (refusedHosts.size < MAX_REPORTED_HOSTS && !refusedHosts.has(host)) {
      refusedHosts.add(host);
      warn(`refused a request for host ${JSON.stringify(host)}: the preview answers only ${url} and localhost (a web page may be trying to read it)`);
    }
    send(response, request, 403, 'text/plain; charset=utf-8', `This preview answers only ${url} and localhost:${port}; open one of those.\n`);
  }

  await listen(server, options.port, options.host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`;
  try {
    site = new PreviewSite({ config: options.config, cwd: options.cwd, now: options.now, drafts: options.drafts, future: options.future, baseUrl: url });
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  const ready = site;
  events = new ReloadEvents((sitePath, version) => ready.needsReload(sitePath, version), ready.instance);
  const stream = events;

  const apply = (batch: ChangeBatch): UpdateResult | undefined => {
    let result: UpdateResult;
    try {
      result = ready.update(batch.articles, batch.templates);
    } catch (error) {
      warn(`internal error while rebuilding: ${(error as Error).message}; the preview keeps the last good state`);
      return undefined;
    }
    if (result.pages === 'all' || result.pages.size > 0) {
      stream.publish();
      options.onUpdate?.(result);
    }
    return result;
  };

  let watcher: ProjectWatcher | undefined;
  if (options.watch !== false) {
    const folders = ready.watchedFolders;
    watcher = watchProject({
      folders: [
        { path: folders.articles, kind: 'articles' },
        { path: folders.templates, kind: 'templates' },
      ],
      debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      onChange: apply,
      onError: (folder, error) => {
        warn(`cannot watch ${folder} (${error.code ?? error.message}): pages will not update when files there change`);
      },
    });
  }

  const configWatcher = options.watch === false ? undefined : watchConfig(options.config.file, warn);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    site: ready,
    apply,
    close() {
      closing ??= (async () => {
        watcher?.close();
        configWatcher?.close();
        stream.close();
        await closeServer(server);
      })();
      return closing;
    },
  };
}

function send(response: ServerResponse, request: IncomingMessage, status: number, type: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': bytes.length,
    // A preview changes all the time: never let the browser show a stale copy.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(listenError(error, port, host));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): HealthmdError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new UsageError(`port ${port} on ${host} is in use: pass --port N (or --port 0 for any free port)`);
    case 'EACCES':
      return new UsageError(`port ${port} on ${host} needs more permissions than you have: pass --port N with N above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError(`cannot listen on ${host}: it is not an address of this machine; pass --host 127.0.0.1 (the default)`);
    default:
      return new HealthmdError(`cannot listen on ${host} port ${port} (${error.code ?? error.message})`, { cause: error });
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    // Open keep-alive and event-stream connections would otherwise hold the server open.
    server.closeAllConnections();
  });
}

/**
 * The config decides which folders are watched and how everything renders, so a change to it
 * needs a fresh start; say so once per burst of saves instead of serving a half-applied config.
 */
function watchConfig(file: string | undefined, warn: (message: string) => void): FSWatcher | undefined {
  if (!file) return undefined;
  let quietUntil = 0;
  try {
    const watcher = watch(path.dirname(file), (_event, name) => {
      if (name !== path.basename(file) || Date.now() < quietUntil) return;
      quietUntil = Date.now() + 1000;
      warn(`${path.basename(file)} changed: stop healthmd serve (Ctrl-C) and start it again to apply it`);
    });
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return undefined;
  }
}
