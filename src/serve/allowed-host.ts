import { isIP } from 'node:net';

/** Names that always mean this machine. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Listening on these means every interface: other machines reach the preview by an IP address. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Decides whether a request's `Host` header names this preview server. A web page the editor
 * visits can point a domain of its own at 127.0.0.1 (DNS rebinding) and then read the preview
 * as same-origin; its requests carry that domain in `Host`. So only the bound host, the loopback
 * names, and, when listening on every interface, IP addresses (a rebinding needs a domain name,
 * as Vite's `server.allowedHosts` reasons) are accepted, each with the server's port.
 */
export function isAllowedHost(header: string | undefined, boundHost: string, port: number): boolean {
  if (!header) return false;
  const parsed = parseHostHeader(header);
  if (!parsed || parsed.port !== port) return false;
  const { name } = parsed;
  if (LOOPBACK_NAMES.has(name) || name === bracketed(boundHost.toLowerCase())) return true;
  return WILDCARD_HOSTS.has(boundHost) && isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0;
}

interface HostHeader {
  /** Lower-cased, without a trailing dot; an IPv6 address keeps its brackets. */
  name: string;
  port: number;
}

function parseHostHeader(header: string): HostHeader | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match) return undefined;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  return { name: match[1].toLowerCase().replace(/\.$/, ''), port };
}

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
