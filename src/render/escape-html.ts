const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * A quoted attribute value that may hold character references, such as a Markdown link's URL or
 * title: CommonMark reads `&ouml;` and `&amp;` there as the characters they name, so they are left
 * for the browser to decode (escaping them again would publish `?a=1&amp;amp;b=2`). Any other `&`,
 * and every character that is markup, is escaped.
 */
export function escapeAttributeKeepingReferences(text: string): string {
  return text.replace(/&(?!#\d{1,7};|#x[0-9a-f]{1,6};|[a-z][a-z0-9]{1,31};)|[<>"']/gi, (c) => ENTITIES[c]);
}
