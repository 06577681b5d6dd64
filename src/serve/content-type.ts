const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  pdf: 'application/pdf',
};

/** The Content-Type of a site file by its extension; unknown kinds are sent as bytes, never sniffed. */
export function contentTypeOf(sitePath: string): string {
  if (sitePath === '' || sitePath.endsWith('/')) return TYPES.html;
  if (sitePath === 'feed.xml') return 'application/atom+xml; charset=utf-8';
  const dot = sitePath.lastIndexOf('.');
  const extension = dot === -1 ? '' : sitePath.slice(dot + 1).toLowerCase();
  return TYPES[extension] ?? 'application/octet-stream';
}
