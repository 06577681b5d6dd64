import { describe, expect, it } from 'vitest';
import { healthArticle, runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

const article = (body: string) => healthArticle(body);

interface Report {
  messages: { ruleId: string; messageId: string; message: string; severity: number; line: number; column: number; endColumn: number }[];
}

describe('inline control comments', () => {
  it('report a rule id that names no rule, where it is written, with the rule it most likely meant', async () => {
    const text = article(
      [
        'Most back pain gets better in a few weeks.',
        '',
        '<!-- healthmd-disable-next-line no-absolute-claim -->',
        'Walking is a miracle cure.',
        '',
        '<!-- healthmd-disable readability-grade, made-up-rule -->',
        'Keep moving.',
        '<!-- healthmd-enable -->',
        '',
      ].join('\n'),
    );
    const project = tempProject({ 'articles/back.md': text });
    const result = await runCli(['lint', '--format', 'json'], { cwd: project, env: NOW });
    const messages = (JSON.parse(result.stdout) as Report[])[0].messages;
    const lines = text.split('\n');
    const at = (name: string) => {
      const line = lines.findIndex((l) => l.includes(`${name} `));
      const column = lines[line].indexOf(`${name} `) + 1;
      return { line: line + 1, column, endColumn: column + name.length };
    };
    const directiveFindings = messages.filter((m) => m.ruleId === 'inline-control');
    expect(directiveFindings).toEqual([
      expect.objectContaining({ messageId: 'unknown-rule', severity: 2, ...at('no-absolute-claim') }),
      expect.objectContaining({ messageId: 'unknown-rule', severity: 2, ...at('made-up-rule') }),
    ]);
    expect(directiveFindings[0].message).toContain('did you mean no-absolute-claims?');
    expect(directiveFindings[0].message).toMatch(/^healthmd-disable-next-line names 'no-absolute-claim', which is not a rule/);
    expect(directiveFindings[1].message).toContain("'healthmd rules' lists the rule ids");
    // The misspelt id silenced nothing: the claim it meant to allow is still reported.
    expect(messages.some((m) => m.ruleId === 'no-absolute-claims')).toBe(true);
    expect(result.code).toBe(1);
  });

  it('names the unknown id in stylish output, and leaves correct directives alone', async () => {
    const project = tempProject({
      'articles/ok.md': article('Most back pain gets better.\n\n<!-- healthmd-disable-next-line no-absolute-claims -->\nWalking is a miracle cure.\n'),
      'articles/typo.md': article('Most back pain gets better.\n\n<!-- healthmd-disable-line no-absolut-claims -->\n'),
    });
    const result = await runCli(['lint'], { cwd: project, env: NOW });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('articles/ok.md');
    expect(result.stdout).toMatch(/articles\/typo\.md\n\s+11:\d+\s+error\s+healthmd-disable-line names 'no-absolut-claims'.*did you mean no-absolute-claims\?\s+inline-control/);
  });
});
