import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2024-06-01' };
const FIXTURE = path.join(REPO, 'tests/fixtures/bilingual-jekyll');

interface Report {
  filePath: string;
  messages: { ruleId: string; messageId: string; line: number }[];
}

describe('a Jekyll site in English and Spanish', () => {
  let project: string;
  const page = (file: string) => readFileSync(path.join(project, 'public', file), 'utf8');

  beforeAll(() => {
    project = tempProject();
    cpSync(FIXTURE, project, { recursive: true });
  });

  it('lint measures the hard Spanish article with INFLESZ (the easy one and the English one pass), and reads Fuentes and Aviso as Sources and Disclaimer', async () => {
    const result = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    const findings = (JSON.parse(result.stdout) as Report[]).flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line} ${m.ruleId}/${m.messageId}`));
    expect(findings).toEqual(['2024-02-01-mantenerse-hidratado.md:10 readability-grade/too-hard-inflesz']);
  });

  it('build writes Spanish pages in Spanish: strings, dates, lang and hreflang pairs', async () => {
    const result = await runCli(['build'], { cwd: project, env });
    expect(result.code).toBe(0);
    const es = page('articles/mantenerse-hidratado/index.html');
    expect(es).toContain('<html lang="es">');
    for (const text of ['Saltar al contenido principal', 'Últimas publicaciones', 'En esta página', 'Temas:', 'Revisado médicamente por']) expect(es).toContain(text);
    expect(es).toContain('Publicado el <time datetime="2024-02-01">1 de febrero de 2024</time>');
    expect(es).not.toMatch(/>(Published|On this page|Latest posts|Topics:)</);
    expect(es).toContain('<link rel="alternate" hreflang="es" href="https://example.org/articles/mantenerse-hidratado/">');
    expect(es).toContain('<link rel="alternate" hreflang="en" href="https://example.org/articles/staying-hydrated/">');
    expect(es).toContain('<a href="/articles/staying-hydrated/" hreflang="en" lang="en">In English</a>');

    const en = page('articles/staying-hydrated/index.html');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Published <time datetime="2024-02-01">February 1, 2024</time>');
    expect(en).toContain('<link rel="alternate" hreflang="es" href="https://example.org/articles/mantenerse-hidratado/">');
    expect(en).toContain('<a href="/articles/mantenerse-hidratado/" hreflang="es" lang="es">En español</a>');

    // No translation, no hreflang; the site's own pages follow site.language.
    expect(page('articles/lavarse-las-manos/index.html')).not.toContain('hreflang');
    expect(page('index.html')).toContain('<html lang="en-US">');
    expect(page('index.html')).toContain('>Latest posts</h1>');
    expect(page('tags/verano/index.html')).toContain('Articles tagged “verano”');
  });

  it('strings in the config add a language and override a built-in text, validated like every key', async () => {
    const config = readFileSync(path.join(FIXTURE, 'healthmd.config.yaml'), 'utf8');
    const dir = tempProject({
      'healthmd.config.yaml': `${config}strings:\n  es: {latest_posts: Lo más reciente}\n  fr: {published: Publié le}\n`,
      '_posts/2024-01-01-a.md': '---\ntitle: Eau\nlang: fr\n---\nBuvez.\n',
      '_posts/2024-01-02-b.md': '---\ntitle: Agua\nlang: es\n---\nBeba.\n',
    });
    expect((await runCli(['build', '--skip-lint'], { cwd: dir, env })).code).toBe(0);
    const fr = readFileSync(path.join(dir, 'public/articles/a/index.html'), 'utf8');
    expect(fr).toContain('Publié le <time datetime="2024-01-01">1 janvier 2024</time>');
    // French has no built-in strings: the texts the config leaves out stay English, a link to it is named in French.
    expect(fr).toContain('>Latest posts</h2>');
    expect(readFileSync(path.join(dir, 'public/articles/b/index.html'), 'utf8')).toContain('>Lo más reciente</h2>');

    const bad = tempProject({ 'healthmd.config.yaml': 'strings:\n  es:\n    publishd: Publicado\n' });
    const result = await runCli(['lint'], { cwd: bad, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/healthmd\.config\.yaml:3:\d+: strings\.es\.publishd: unknown key; did you mean 'published'\?/);
  });
});
