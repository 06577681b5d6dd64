import { describe, expect, it } from 'vitest';
import { lintOne } from './support/lint-with-rule.js';

const article = (body: string) => `---\ntitle: Crisis support\n---\n${body}`;

// A crisis line's text number was once reported as an unsafe link; the rules table says sms: is fine.
describe('link-safety and contact links', () => {
  it('passes sms:, tel: and mailto: links written in Markdown, in every form', () => {
    const body = [
      'Text [838255](sms:838255) to reach a counsellor.',
      'Text <sms:838255> or call [the line](tel:+1-800-273-8255).',
      '[Write to us](mailto:help@clinic.example) or text [SHOUT](sms:85258?body=SHOUT).',
      '',
      'Text [the crisis line][text].',
      '',
      '[text]: sms:838255',
    ].join('\n\n');
    expect(lintOne('link-safety', article(`${body}\n`))).toEqual([]);
  });

  it('still refuses an sms: address used as an image', () => {
    expect(lintOne('link-safety', article('![a number](sms:838255)\n')).map((m) => m.messageId)).toEqual(['unsafe-scheme']);
  });
});
