/**
 * Maps an index in a block's Markdown `raw` to an offset in the body.
 *
 * A paragraph's `raw` is a slice of the body, but marked strips list indentation and blockquote
 * markers from what it nests, so a list item's or a quote's `raw` is not: there each raw line is
 * found in the body in order, from the block's start, and the column is kept within the line.
 */
export function rawLocator(body: string, raw: string, start: number): (rawIndex: number) => number {
  if (body.startsWith(raw, start)) return (index) => start + index;
  const lineStarts: number[] = [];
  const bodyStarts: number[] = [];
  let cursor = start;
  let rawAt = 0;
  for (const line of raw.split('\n')) {
    const found = line.trim() === '' ? -1 : body.indexOf(line, cursor);
    const at = found === -1 ? cursor : found;
    lineStarts.push(rawAt);
    bodyStarts.push(at);
    if (found !== -1) cursor = found + line.length;
    rawAt += line.length + 1;
  }
  return (index) => {
    let k = lineStarts.length - 1;
    while (k > 0 && lineStarts[k] > index) k--;
    return bodyStarts[k] + index - lineStarts[k];
  };
}
