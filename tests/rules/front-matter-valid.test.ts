import { describe, expect, it } from 'vitest';
import { fixture, lintOne, summary } from './support/lint-with-rule.js';

const RULE = 'front-matter-valid';

describe('front-matter-valid', () => {
  it('accepts closed, parseable YAML front matter', () => {
    expect(lintOne(RULE, fixture(RULE, 'ok.md'))).toEqual([]);
  });

  it('reports a key written twice at its second line, as an error that does not stop the other rules', () => {
    const findings = lintOne(RULE, fixture(RULE, 'not-ok.md'));
    expect(summary(findings)).toEqual(['duplicate-key@4:1']);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].fatal).toBeFalsy();
    expect(findings[0].message).toMatch(/line 2 and on line 4/);
  });

  it('refuses front matter in another language without running it, as a fatal error', () => {
    const findings = lintOne(RULE, '---js\n{ title: require("node:os").hostname() }\n---\nText.\n');
    expect(summary(findings)).toEqual(['engine@1:4']);
    expect(findings[0]).toMatchObject({ severity: 'error', fatal: true });
  });
});
