import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';
import { listFiles } from '../site/support/project.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

interface Report {
  filePath: string;
  messages: { ruleId: string; messageId: string; line: number }[];
}
const findings = (stdout: string) => (JSON.parse(stdout) as Report[]).flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line} ${m.ruleId}/${m.messageId}`)).sort();

const BODY = 'Words for everyone.\n';

describe('content written for Jekyll and Hugo, read with defaults and frontMatter.aliases', () => {
  it('Jekyll _posts/: a glossary folder made non-medical by defaults, meta-description read as description', async () => {
    const dir = tempProject({
      'healthmd.config.yaml': [
        'articlesDir: _posts',
        'types: {glossary: {medical: false}}',
        'defaults:',
        '  - {match: glossary, values: {type: glossary, author: HealthCare.gov}}',
        'frontMatter:',
        '  aliases: {description: [meta-description]}',
        '',
      ].join('\n'),
      '_posts/glossary/2013-01-01-premium.md': `---\ntitle: Premium\nmeta-description: The amount you pay for your health insurance every month, in addition to other costs.\n---\n${BODY}`,
      '_posts/glossary/2013-01-01-short.md': `---\ntitle: Short\nmeta-description: Too short.\n---\n${BODY}`,
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env: NOW });
    // Only the too-short description is left, reported at the meta-description line as the file spells it.
    expect(findings(lint.stdout)).toEqual(['2013-01-01-short.md:3 description-length/too-short']);
  });

  it('Hugo content/: cascade-like defaults by glob, summary and publishDate read out of the box, draft left out', async () => {
    const dir = tempProject({
      'healthmd.config.yaml': ['articlesDir: content', 'types: {page: {medical: false}}', 'defaults:', '  - {match: "**/_index.md", values: {type: page}}', '  - {match: about.md, values: {type: page}}', ''].join('\n'),
      'plain.yaml': 'articlesDir: content\n',
      'content/about.md': `---\ntitle: About\nsummary: Who runs this clinic's site, how to reach the team, and how articles are written.\npublishDate: 2024-01-01\nauthor: Clinic\n---\n${BODY}`,
      'content/care/_index.md': `---\ntitle: Care\nsummary: Every page about care at the clinic, from first visit to follow-up appointments.\npublishDate: 2024-01-01\nauthor: Clinic\n---\n${BODY}`,
      'content/care/wip.md': `---\ntitle: Work in progress\ndraft: true\n---\n${BODY}`,
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env: NOW });
    expect(findings(lint.stdout)).toEqual([]);
    expect(lint.code).toBe(0);
    // Without the defaults the same pages are held to a medical article's rules.
    const without = await runCli(['lint', '--format', 'json', '--config', 'plain.yaml'], { cwd: dir, env: NOW });
    expect(findings(without.stdout).filter((f) => f.startsWith('about.md') && f.includes('disclaimer-present'))).toHaveLength(1);
  });

  it('Hugo page bundles: napping/index.md is published at napping/, a section _index.md at its folder, with the bundle\'s image', async () => {
    const page = (title: string, extra = '') => `---\ntitle: ${title}\nsummary: A page about rest and sleep for people who work nights at the clinic.\npublishDate: 2024-01-01\nauthor: Clinic\n${extra}---\n${BODY}`;
    const dir = tempProject({
      'healthmd.config.yaml': 'articlesDir: content\ntypes: {page: {medical: false}}\ndefaultType: page\n',
      'content/sleep/_index.md': page('Sleep'),
      'content/sleep/napping/index.md': `${page('Napping', 'aliases: [/article/napping/]\n')}\n![A person asleep on a sofa](nap.png)\n`,
      'content/sleep/napping/nap.png': Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5e9a90000000049454e44ae426082', 'hex'),
    });
    const build = await runCli(['build'], { cwd: dir, env: NOW });
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const files = listFiles(path.join(dir, 'public'));
    expect(files).toEqual(expect.arrayContaining(['articles/sleep/index.html', 'articles/sleep/napping/index.html', 'article/napping/index.html']));
    expect(files.some((f) => f.includes('napping/index/'))).toBe(false);
    expect(readFileSync(path.join(dir, 'public/articles/sleep/napping/index.html'), 'utf8')).toMatch(/<img src="[^"]*nap\.png"/);
  });

  it('Jekyll .markdown posts (jekyll new writes them) are articles, linted, built and linked to like .md ones', async () => {
    const page = (title: string, body = BODY) => `---\ntitle: ${title}\nsummary: A short page about the flu jab for people who come to the clinic each autumn.\nauthor: Clinic\n---\n${body}`;
    const dir = tempProject({
      'healthmd.config.yaml': 'articlesDir: _posts\ntypes: {page: {medical: false}}\ndefaultType: page\nfrontMatter: {aliases: {description: [summary]}}\n',
      '_posts/2024-01-15-flu-jab.markdown': page('Flu jab', 'Book it [with the nurse](2024-01-16-nurse.mkd#hours).\n'),
      '_posts/2024-01-16-nurse.mkd': page('Nurse', '## Hours\n\nMornings.\n'),
      '_posts/2024-01-17-faq.mdown': page('FAQ', 'See [the jab](2024-01-15-flu-jab.markdown#nowhere).\n'),
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env: NOW });
    expect(findings(lint.stdout)).toEqual(['2024-01-17-faq.mdown:6 internal-links/missing-anchor']);
    const build = await runCli(['build', '--skip-lint'], { cwd: dir, env: NOW });
    expect(build.code).toBe(0);
    const files = listFiles(path.join(dir, 'public'));
    expect(files).toEqual(expect.arrayContaining(['articles/flu-jab/index.html', 'articles/nurse/index.html', 'articles/faq/index.html']));
    expect(readFileSync(path.join(dir, 'public/articles/flu-jab/index.html'), 'utf8')).toContain('href="/articles/nurse/#hours"');
  });
});
