import type { Token, Tokens } from 'marked';

/** The alert types GitHub knows (`> [!NOTE]`), which Hugo renders alike. */
export const ALERT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** A marker alone on the quote's first line, as GitHub requires: any case, blanks or a hard break (`\`) after it allowed. */
const MARKER = /^\[!(note|tip|important|warning|caution)\](?:[ \t]*|\\)$/i;

/**
 * Finds the quotes that are GitHub alerts, at any depth, and takes each one's marker line out of
 * its first paragraph, so that neither the page nor the rules read `[!NOTE]` as words. A quote is
 * an alert when its first line is exactly a marker of a known type and something follows it; any
 * other quote (an unknown type, words after the marker on its line, a marker alone) stays a quote.
 */
export function findAlerts(tokens: Token[], found = new Map<Token, AlertType>()): Map<Token, AlertType> {
  for (const token of tokens) {
    if (token.type === 'blockquote') {
      const quote = token as Tokens.Blockquote;
      const type = takeMarker(quote);
      if (type) found.set(token, type);
      findAlerts(quote.tokens, found);
    } else if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) findAlerts(item.tokens, found);
    } else if (token.type === 'footnote') {
      findAlerts((token as Token & { tokens: Token[] }).tokens, found);
    }
  }
  return found;
}

function takeMarker(quote: Tokens.Blockquote): AlertType | undefined {
  const first = quote.tokens[0];
  if (first?.type !== 'paragraph') return undefined;
  const paragraph = first as Tokens.Paragraph;
  const newline = paragraph.text.indexOf('\n');
  const line = newline === -1 ? paragraph.text : paragraph.text.slice(0, newline);
  const marker = MARKER.exec(line);
  if (!marker) return undefined;
  const type = marker[1].toLowerCase() as AlertType;
  const rest = newline === -1 ? '' : paragraph.text.slice(newline + 1);
  if (rest.trim() === '') {
    if (!quote.tokens.slice(1).some((token) => token.type !== 'space')) return undefined;
    quote.tokens.shift();
    return type;
  }
  // The marker is text of its own, ended by the line's end or a hard break (`[!NOTE]\`, as tldr
  // writes it): anything else (a link to a `[!note]:` definition) is what it is.
  const [text, next] = paragraph.tokens as Token[];
  if (text?.type !== 'text') return undefined;
  const marked = marker[0].replace(/[ \t\\]+$/, '');
  if (text.raw.startsWith(`${line}\n`)) {
    text.raw = text.raw.slice(line.length + 1);
    (text as Tokens.Text).text = (text as Tokens.Text).text.slice((text as Tokens.Text).text.indexOf('\n') + 1);
  } else if (text.raw.trimEnd() === marked && next?.type === 'br') {
    paragraph.tokens.splice(0, 2);
  } else {
    return undefined;
  }
  paragraph.raw = paragraph.raw.slice(paragraph.raw.indexOf('\n') + 1);
  paragraph.text = rest;
  return type;
}
