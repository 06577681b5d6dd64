/** Characters that would turn a plain name into Markdown or HTML syntax inside a line of text. */
const MARKDOWN_SPECIAL = /[\\`*_[\]{}<>#|!~&]/g;

/** A plain name (a treatment, a section) as Markdown text that renders as exactly that name. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}
