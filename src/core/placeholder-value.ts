/**
 * Values a script or template writes when it had nothing to put there (JavaScript's `undefined`,
 * `null`, `NaN`, an object turned into text). Written as text, they are never a real title or
 * description: no-placeholder reports them and the page does not show them as a title.
 */
const PLACEHOLDER_VALUES = new Set(['undefined', 'null', 'nan', '[object object]']);

/** True when the whole of `text` is such a value (`title: undefined`, `title: "null"`). */
export function isPlaceholderValue(text: string): boolean {
  return PLACEHOLDER_VALUES.has(text.trim().toLowerCase());
}
