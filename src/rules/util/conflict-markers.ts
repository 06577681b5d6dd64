/** A line git writes around a merge conflict: `<<<<<<< ours`, `||||||| base`, `=======`, `>>>>>>> theirs`. */
const MARKER = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t].*)?$/;
/** The line that opens or closes a fenced code block (up to three spaces, then ``` or ~~~). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The merge conflicts git left in a body, each from its `<<<<<<<` line to the end of its `>>>>>>>`
 * line (or of the last marker found, when the conflict was cut short), outside fenced code: one
 * line of body text each, so a body with none costs a scan of its lines. Both sides of a conflict
 * would be published, and `=======` turns the line above it into a heading.
 */
export function conflictMarkers(body: string): Array<{ start: number; end: number }> {
  if (!body.includes('<<<<<<<')) return [];
  const conflicts: Array<{ start: number; end: number }> = [];
  const close = ({ start, end }: { start: number; end: number }) => conflicts.push({ start, end });
  let fence: string | undefined;
  let open: { start: number; end: number; separated: boolean } | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    const fenced = FENCE.exec(text)?.[1];
    if (fenced && (!fence || (fenced[0] === fence[0] && fenced.length >= fence.length))) {
      fence = fence ? undefined : fenced;
      continue;
    }
    if (fence) continue;
    const marker = MARKER.exec(text)?.[1][0];
    if (marker === '<') {
      if (open?.separated) close(open);
      open = { start, end: start + text.length, separated: false };
    } else if (open && marker) {
      open.end = start + text.length;
      if (marker === '=') open.separated = true;
      if (marker === '>') {
        close(open);
        open = undefined;
      }
    }
  }
  if (open?.separated) close(open);
  return conflicts;
}
