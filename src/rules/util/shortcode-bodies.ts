/** A Hugo shortcode tag: `{{< name … >}}`, `{{% name … %}}`, a closing `{{< /name >}}`; bounded, so a line of braces stays linear. */
const SHORTCODE_TAG = /\{\{([<%])\s*(\/?)\s*([A-Za-z0-9_][\w./-]*)[^{}\n]{0,200}?\}\}/g;

/**
 * The body ranges between a Hugo shortcode's opening and closing tags (`{{< code-toggle >}}` …
 * `{{< /code-toggle >}}`), from the start of the one to the end of the other. What stands there is
 * the shortcode's input (in Hugo's own docs, TOML for code-toggle), not words a writer left. A
 * self-closing tag (`{{< x />}}`) or one never closed encloses nothing. One pass over the body.
 */
export function shortcodeBodies(body: string): Array<[number, number]> {
  if (!body.includes('{{<') && !body.includes('{{%')) return [];
  const ranges: Array<[number, number]> = [];
  const open: Array<{ name: string; start: number }> = [];
  const openCount = new Map<string, number>();
  for (const match of body.matchAll(SHORTCODE_TAG)) {
    const [tag, , closing, name] = match;
    if (!closing) {
      if (/\/\s*[>%]\}\}$/.test(tag)) continue;
      open.push({ name, start: match.index });
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      continue;
    }
    if (!openCount.get(name)) continue;
    // Tags opened inside it and never closed end with it.
    for (let top = open.pop(); top; top = open.pop()) {
      openCount.set(top.name, openCount.get(top.name)! - 1);
      if (top.name === name) {
        ranges.push([top.start, match.index + tag.length]);
        break;
      }
    }
  }
  return ranges;
}
