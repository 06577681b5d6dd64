// XML 1.0 cannot carry these even as character references (C0 controls but tab, LF and CR;
// lone surrogates; U+FFFE and U+FFFF), so they become U+FFFD rather than making the report unreadable.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Character data, escaped. A raw CR would be normalised away by the parser; the reference keeps the text as reported. */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** A double-quoted attribute value. Parsers turn raw tabs and line breaks in attributes into spaces; character references keep them. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
