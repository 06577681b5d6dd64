/**
 * The file names of Markdown articles: `.md`, and the other extensions Jekyll (its default
 * `markdown_ext`) and Hugo read as Markdown: `.markdown`, which `jekyll new` writes, `.mdown`,
 * `.mkdown`, `.mkdn` and `.mkd`. Any case.
 */
export const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkdown|mkdn|mkd)$/i;

/** A file name without its Markdown extension: `2024-01-15-flu-jab.markdown` → `2024-01-15-flu-jab`. */
export function withoutMarkdownExtension(name: string): string {
  return name.replace(MARKDOWN_FILE, '');
}
