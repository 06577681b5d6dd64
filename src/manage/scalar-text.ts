import { parseDocument, Scalar, stringify } from 'yaml';

export type QuoteStyle = 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
export type ScalarStyle = 'PLAIN' | QuoteStyle;

export interface ScalarContext {
  /** The value sits inside a flow collection (`{…}`), where `,[]{}` end a plain scalar. */
  flow: boolean;
  /** The quotes to use when a plain value is not possible (the file's own habit). */
  fallbackQuote: QuoteStyle;
}

/**
 * The YAML text of a one-line string value in the requested style. A plain value is quoted only
 * when YAML needs it (`true`, `a: b`, `#x`…); every candidate is checked by parsing it back in the
 * same context, so the text always reads as exactly `value`.
 */
export function scalarText(value: string, style: ScalarStyle, context: ScalarContext): string {
  const candidates: ScalarStyle[] = style === 'PLAIN' ? ['PLAIN', context.fallbackQuote, 'QUOTE_DOUBLE'] : [style, 'QUOTE_DOUBLE'];
  for (const candidate of candidates) {
    const text = render(value, candidate);
    // yaml quotes a plain value itself when it must; then the file's quote habit wins.
    if (candidate === 'PLAIN' && /^["']/.test(text)) continue;
    if (!text.includes('\n') && readsBackAs(text, value, context.flow)) return text;
  }
  throw new Error(`cannot write ${JSON.stringify(value)} as a one-line YAML string`);
}

function render(value: string, type: ScalarStyle): string {
  const scalar = new Scalar(value);
  scalar.type = type;
  return stringify(scalar, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
}

function readsBackAs(text: string, value: string, flow: boolean): boolean {
  const doc = parseDocument(flow ? `{k: ${text}}\n` : `k: ${text}\n`, { schema: 'core' });
  return doc.errors.length === 0 && doc.get('k') === value;
}
