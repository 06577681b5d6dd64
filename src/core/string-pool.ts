/** Strings longer than this are seldom the same in two articles (titles, excerpts): not pooled. */
const MAX_POOLED_LENGTH = 128;
/** At most so many strings are pooled: past it, a string not in the pool yet is kept as it is. */
const MAX_POOLED = 2 ** 16;

/**
 * One copy of each short string a large site keeps for every article: its dates, authors,
 * reviewers, types, conditions and tags are mostly the same few values, and each article's
 * front matter would otherwise hold its own copy of them (a review date shared by 100,000
 * articles is 3.2 MB as 100,000 strings). Bounded, so that a site whose values never repeat
 * pays for a small table only.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The pooled copy of `text` (`text` itself the first time). `text` must not be a slice of a larger text it would keep alive. */
  intern(text: string): string {
    if (text.length > MAX_POOLED_LENGTH) return text;
    const pooled = this.strings.get(text);
    if (pooled !== undefined) return pooled;
    if (this.strings.size < MAX_POOLED) this.strings.set(text, text);
    return text;
  }

  /** `value` with every string in its plain objects and arrays replaced by its pooled copy (in place). */
  share<T>(value: T): T {
    const values: unknown = value;
    if (Array.isArray(values)) {
      for (let i = 0; i < values.length; i++) values[i] = this.shared(values[i]);
    } else if (isPlainObject(values)) {
      for (const key of Object.keys(values)) values[key] = this.shared(values[key]);
    }
    return value;
  }

  private shared(value: unknown): unknown {
    return typeof value === 'string' ? this.intern(value) : this.share(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
