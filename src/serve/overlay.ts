import type { Severity } from '../core/diagnostic.js';
import { escapeHtml } from '../render/escape-html.js';
import { CLIENT_SCRIPT, OVERLAY_STYLESHEET_URL } from './client-assets.js';
import { count } from '../core/count.js';

/** Something the page's author should know about, from a lint rule or from the preview itself. */
export interface OverlayFinding {
  /** A lint rule id, or what failed outside the rules: `template`, `config`, `files`. */
  source: string;
  severity: Severity;
  /** The file at fault, relative to the working directory. */
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface OverlayContent {
  findings: readonly OverlayFinding[];
  /** The page's version, so the reload script can tell whether it missed a change. */
  version: number;
  /** Which run of serve made the page: a page from an earlier run reloads when the server is back. */
  instance: string;
}

/**
 * What serve adds before `</body>`: the findings panel (a labelled `<aside>`, dismissible, above the
 * page) and the reload script. Build and export never call this. A draft's banner is the page's own
 * (layout.liquid), so serve --drafts and build --drafts show the same one.
 */
export function renderOverlay(content: OverlayContent): string {
  const parts: string[] = [];
  if (content.findings.length > 0) parts.push(`<link rel="stylesheet" href="${OVERLAY_STYLESHEET_URL}">`);
  if (content.findings.length > 0) parts.push(panel(content.findings));
  parts.push(`<script data-version="${content.version}" data-instance="${escapeHtml(content.instance)}">${CLIENT_SCRIPT}</script>`);
  return `${parts.join('\n')}\n`;
}

function panel(findings: readonly OverlayFinding[]): string {
  const summary = countText(findings);
  const files = new Set(findings.map((f) => f.file));
  const title = files.size === 1 ? `${summary} in ${[...files][0]}` : `${summary} in ${files.size} files`;
  const items = findings.map(
    (f) => `<li class="healthmd-finding healthmd-finding--${f.severity}" data-rule="${escapeHtml(f.source)}"${f.line ? ` data-line="${f.line}"` : ''}>
<span class="healthmd-finding__severity">${f.severity === 'error' ? 'Error' : 'Warning'}</span>
<code class="healthmd-finding__rule">${escapeHtml(f.source)}</code>
<span class="healthmd-finding__place">${escapeHtml(place(f))}</span>
<span class="healthmd-finding__message">${escapeHtml(f.message)}</span>
</li>`,
  );
  return `<aside id="healthmd-overlay" class="healthmd-overlay" aria-labelledby="healthmd-overlay-title" tabindex="-1" data-signature="${signature(findings)}">
<div class="healthmd-overlay__head">
<h2 id="healthmd-overlay-title" class="healthmd-overlay__title">${escapeHtml(title)}</h2>
<button type="button" class="healthmd-overlay__close" aria-label="Close the findings panel">Close</button>
</div>
<ol class="healthmd-overlay__list">
${items.join('\n')}
</ol>
</aside>
<aside id="healthmd-overlay-reopen" class="healthmd-overlay-reopen" aria-label="Dismissed findings" hidden><button type="button">Show ${escapeHtml(summary)}</button></aside>`;
}

function place(finding: OverlayFinding): string {
  if (!finding.line) return finding.file;
  return `${finding.file}:${finding.line}${finding.column ? `:${finding.column}` : ''}`;
}

function countText(findings: readonly OverlayFinding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const parts: string[] = [];
  if (errors) parts.push(count(errors, 'error'));
  if (warnings) parts.push(count(warnings, 'warning'));
  return parts.join(', ');
}

/** FNV-1a of the findings: a dismissed panel stays dismissed until what it says changes. */
function signature(findings: readonly OverlayFinding[]): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(findings)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
