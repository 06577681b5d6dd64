import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/site/write-site.js';

describe('InFlight (what the writer thread has yet to do)', () => {
  it('holds the renderer back while too many operations are in flight', () => {
    const inFlight = new InFlight({ operations: 32, text: 1000 });
    inFlight.add(16, 0);
    inFlight.add(16, 0);
    expect(inFlight.tooMuch(0)).toBe(false);
    inFlight.add(16, 0);
    expect(inFlight.tooMuch(0)).toBe(true);
    expect(inFlight.tooMuch(16)).toBe(false);
  });

  it('holds it back while too much page text is in flight, however few the pages', () => {
    const inFlight = new InFlight({ operations: 256, text: 1000 });
    inFlight.add(1, 600);
    expect(inFlight.tooMuch(0)).toBe(false);
    inFlight.add(1, 600);
    expect(inFlight.tooMuch(0)).toBe(true);
    // The first message done: its text no longer counts.
    expect(inFlight.tooMuch(1)).toBe(false);
    inFlight.add(2, 1200);
    expect(inFlight.tooMuch(1)).toBe(true);
    // A message counts until all its operations are done.
    expect(inFlight.tooMuch(3)).toBe(true);
    expect(inFlight.tooMuch(4)).toBe(false);
  });

  it('says whether anything sent is not yet done (a large page waits for all of it)', () => {
    const inFlight = new InFlight({ operations: 256, text: 1000 });
    expect(inFlight.pending(0)).toBe(false);
    inFlight.add(3, 10);
    inFlight.add(2, 10);
    expect(inFlight.pending(3)).toBe(true);
    expect(inFlight.pending(5)).toBe(false);
  });
});
