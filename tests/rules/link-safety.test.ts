import { describe, expect, it } from 'vitest';
import { linkSafety } from '../../src/rules/link-safety.js';
import { fixture, lintOne, summary } from './support/lint-with-rule.js';

const ID = linkSafety.id;
const article = (body: string, frontMatter = '') => `---\ntitle: Asthma\n${frontMatter}---\n${body}`;
const files = ['articles/images/inhaler-spacer.jpg', 'shared/peak-flow-chart.png'];

describe('link-safety', () => {
  it('passes https, mailto, tel, relative links, fragments, project images and raster data: images', () => {
    expect(lintOne(ID, fixture(ID, 'ok.md'), { files })).toEqual([]);
  });

  it('reports unsafe schemes, protocol-relative URLs, site-root images, http: and images that are missing or outside the project', () => {
    expect(summary(lintOne(ID, fixture(ID, 'not-ok.md'), { files }))).toEqual([
      'image-outside-project@6:8',
      'image-missing@11:1',
      'image-missing@13:1',
      'unsafe-scheme@15:14',
      'insecure-http@15:87',
      'protocol-relative@17:5',
      'insecure-http@19:4',
    ]);
  });

  it('refuses every spelling of a script or data URL in the hostile fixture', () => {
    const source = fixture(ID, 'hostile.md');
    const findings = lintOne(ID, source);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    // Every line of the body that holds a link, an image or a tag is reported.
    const lines = source.split('\n');
    const hostileLines = lines.flatMap((text, i) => (/^(\[|!\[|<)/.test(text) ? [i + 1] : []));
    expect(hostileLines.length).toBeGreaterThan(20);
    expect([...new Set(findings.map((f) => f.line))]).toEqual(hostileLines);
    expect(summary(findings).filter((s) => !s.startsWith('unsafe-scheme'))).toEqual(['protocol-relative@27:1', 'image-outside-project@28:1', 'image-missing@34:6']);
  });

  it('warns about a link or image with an empty address, naming its words, which the page shows as text', () => {
    const findings = lintOne(ID, article('Read [the leaflet]() and share ![share]() or ![print](<>).\n\nSee [the plan]( ).\n'));
    expect(summary(findings)).toEqual(['empty-url@4:6', 'empty-url@4:32', 'empty-url@4:46', 'empty-url@6:5']);
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(findings[0].message).toContain("'the leaflet'");
    expect(findings[0].message).toMatch(/plain text/);
    expect(findings[1].message).toContain("'share'");
    expect(findings[1].message).toMatch(/its alt text instead of an image/);
    // A link to a heading on the same page or to this page's query is an address, not an empty one.
    expect(lintOne(ID, article('[Top](#top) and [again](?print=1).\n'))).toEqual([]);
  });

  it('warns about a raw HTML link with an empty href, which the page shows as text', () => {
    const findings = lintOne(ID, article('Call <a href="">the clinic</a> or <a href=" ">us</a>; <a name="x">anchor</a>.\n'));
    expect(summary(findings)).toEqual(['empty-url@4:9', 'empty-url@4:38']);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0].message).toContain('<a href>');
  });

  it('spans a Markdown link and names the URL in the message', () => {
    const [finding] = lintOne(ID, article('Try [this remedy](javascript:void(0)) now.\n'));
    expect(finding).toMatchObject({ messageId: 'unsafe-scheme', line: 4, column: 5, endLine: 4, endColumn: 38 });
    expect(finding.message).toContain("'javascript:void(0)'");
  });

  it('reports http: as a warning of an error rule, and keeps it quiet with allowHttp', () => {
    const body = 'See the [leaflet](http://www.example.org/leaflet) and ![chart](http://www.example.org/chart.png).\n';
    const findings = lintOne(ID, article(body));
    expect(summary(findings)).toEqual(['insecure-http@4:9', 'insecure-http@4:55']);
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(lintOne(ID, article('Try [this](javascript:alert(1)).\n'))[0].severity).toBe('error');
    expect(lintOne(ID, article(body), { options: { allowHttp: true } })).toEqual([]);
  });

  it('quotes a bare www. address as written, and says to write its https: address', () => {
    const findings = lintOne(ID, article('See www.asthma-charity.example.org for more, or [the charity](http://www.asthma-charity.example.org).\n'));
    expect(summary(findings)).toEqual(['insecure-www@4:5', 'insecure-http@4:49']);
    const [bare, written] = findings;
    expect(bare.severity).toBe('warning');
    expect(bare.message).toContain("'www.asthma-charity.example.org'");
    expect(bare.message).toContain("write it in full as 'https://www.asthma-charity.example.org'");
    expect([bare.endLine, bare.endColumn]).toEqual([4, 35]);
    expect(written.message).toContain("'http://www.asthma-charity.example.org'");
    expect(lintOne(ID, article('See https://www.asthma-charity.example.org for more.\n'))).toEqual([]);
    expect(lintOne(ID, article('See www.asthma-charity.example.org for more.\n'), { options: { allowHttp: true } })).toEqual([]);
  });

  it('does not ask for https: on a link to the reader\'s own machine (localhost, 127.0.0.1, [::1])', () => {
    const body = 'Start the preview and open <http://localhost:4000/>, [the admin page](http://127.0.0.1:8080/admin) or <http://[::1]/>.\n\nNot <http://localhost.example.org/>.\n';
    expect(summary(lintOne(ID, article(body)))).toEqual(['insecure-http@6:5']);
  });

  it('allows data:image only in images, and never SVG', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(lintOne(ID, article(`![A green tick](${png})\n`))).toEqual([]);
    expect(summary(lintOne(ID, article(`[A green tick](${png})\n`)))).toEqual(['unsafe-scheme@4:1']);
    expect(summary(lintOne(ID, article('![Logo](data:image/svg+xml;base64,PHN2Zz4=)\n')))).toEqual(['unsafe-scheme@4:1']);
    expect(summary(lintOne(ID, article('<img alt="Logo" src="data:image/svg+xml,<svg onload=alert(1)>">\n')))).toEqual(['unsafe-scheme@4:17']);
  });

  it('resolves images from the article folder, decoding the path and dropping the query', () => {
    const found = ['articles/conditions/images/spacer device.jpg', 'articles/images/peak-flow.png'];
    const body = '![Spacer](images/spacer%20device.jpg?v=2)\n\n![Peak flow](../images/peak-flow.png)\n\n![Meter](images/meter.jpg)\n';
    const findings = lintOne(ID, article(body), { files: found, relPath: 'conditions/asthma.md' });
    expect(summary(findings)).toEqual(['image-missing@8:1']);
    expect(findings[0].message).toContain('articles/conditions/images/meter.jpg');
  });

  it('checks a raw <img src> as the build does a Markdown image: its file must be in the project', () => {
    const body = '<img src="images/inhaler-spacer.jpg" alt="Spacer">\n\n<img src="images/nebuliser.jpg" alt="Nebuliser">\n\n<img src="{{ site.baseurl }}/images/mask.png" alt="Mask">\n\n<a href="missing.pdf">leaflet</a>\n';
    const findings = lintOne(ID, article(body), { files });
    expect(summary(findings)).toEqual(['image-missing@6:6', 'image-missing@8:6']);
    expect(findings[0].message).toBe("<img src> 'images/nebuliser.jpg' does not exist (looked for articles/images/nebuliser.jpg): check the path or add the file");
  });

  it('reports local images the build leaves out, such as SVG or PDF', () => {
    const found = ['articles/diagram.svg', 'articles/leaflet.pdf', 'articles/photo.JPG'];
    const body = '![Spine diagram](diagram.svg)\n\n![Leaflet](leaflet.pdf)\n\n![Photo of a spine model](photo.JPG)\n';
    expect(summary(lintOne(ID, article(body), { files: found }))).toEqual(['image-type@4:1', 'image-type@6:1']);
  });

  it('leaves site-root links to internal-links: they are site links, not a safety problem', () => {
    const body = '[CHIP](/are-my-children-eligible-for-chip) [book](/book-appointment/?clinic=2#times) <a href="/contact/">Contact</a>\n';
    expect(lintOne(ID, article(body))).toEqual([]);
  });

  it('passes a site-root image whose file is at the project root (Jekyll) or in static/ (Hugo), as the build publishes it', () => {
    const body = '![Diary](/uploads/diary.png)\n\n<img src="/img/peak%20flow.png" alt="Peak flow">\n';
    expect(lintOne(ID, article(body, 'image: /img/hero.webp\n'), { files: ['uploads/diary.png', 'static/img/peak flow.png', 'static/img/hero.webp'] })).toEqual([]);
  });

  it('says where it looked for a site-root image that is in neither place', () => {
    const [image] = lintOne(ID, article('![Diary](/uploads/diary.png)\n'));
    expect(image).toMatchObject({ messageId: 'image-missing', line: 4, column: 1 });
    expect(image.message).toBe("Image '/uploads/diary.png' does not exist (looked for uploads/diary.png and static/uploads/diary.png): check the path or add the file");
    expect(summary(lintOne(ID, article('![Chart](/img/chart.svg)\n'), { files: ['img/chart.svg'] }))).toEqual(['image-type@4:1']);
  });

  it('does not check links to other files (internal-links does) or external images', () => {
    expect(lintOne(ID, article('[Missing](gone.md) and [PDF](leaflet.pdf) and ![X-ray](https://example.org/x-ray.jpg)\n'))).toEqual([]);
  });

  it('ignores URLs in code and HTML comments', () => {
    expect(lintOne(ID, article('`[x](javascript:alert(1))`\n\n```html\n<a href="javascript:alert(1)">x</a>\n```\n\n<!-- <a href="javascript:alert(1)"> -->\n'))).toEqual([]);
  });
});
