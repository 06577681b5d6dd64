/** The npm scripts `init` adds to a content project's package.json, so `npm run lint:articles` runs the project's own healthmd. */
export const PACKAGE_SCRIPTS: Readonly<Record<string, string>> = {
  'lint:articles': 'healthmd lint',
  'build:site': 'healthmd build',
  'serve:site': 'healthmd serve',
};

/** `kept`: the scripts of those names the file has already with a command of its own, left as they are. */
export type ScriptsEdit = { ok: true; text: string; added: string[]; kept: string[] } | { ok: false; reason: string };

/**
 * Adds `scripts` to the text of a package.json, never replacing a script of the same name, and
 * writes it back as npm does: the file's own indentation and line endings, its final newline.
 * Pure: the caller reads and writes the file.
 */
export function addPackageScripts(text: string, scripts: Readonly<Record<string, string>> = PACKAGE_SCRIPTS): ScriptsEdit {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message}), so no scripts were added` };
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) return { ok: false, reason: 'not a JSON object, so no scripts were added' };
  const record = pkg as Record<string, unknown>;
  const existing = record.scripts ?? {};
  if (typeof existing !== 'object' || existing === null || Array.isArray(existing)) return { ok: false, reason: '"scripts" is not an object, so no scripts were added' };
  const current = existing as Record<string, unknown>;
  const added = Object.keys(scripts).filter((name) => !(name in current));
  const kept = Object.keys(scripts).filter((name) => name in current && current[name] !== scripts[name]);
  if (added.length === 0) return { ok: true, text, added, kept };
  record.scripts = { ...current, ...Object.fromEntries(added.map((name) => [name, scripts[name]])) };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const final = /\r?\n$/.test(text) ? eol : '';
  return { ok: true, text: bom + JSON.stringify(record, null, indent).replace(/\n/g, eol) + final, added, kept };
}
