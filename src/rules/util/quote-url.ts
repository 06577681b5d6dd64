const MAX_SHOWN = 60;

/** A URL as a message shows it: quoted, control characters made visible, long ones (data: URLs) cut short. */
export function quoteUrl(href: string): string {
  const visible = href.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN - 1)}…` : visible}'`;
}
