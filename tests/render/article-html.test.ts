import { parse, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STRINGS } from '../../src/core/strings.js';
import { renderArticleHtml, type ArticleHtmlOptions } from '../../src/render/article-html.js';
import { article } from './support/site.js';
import { attr, byTag, parseHtml, text } from '../site/support/html.js';

const keepUrls: ArticleHtmlOptions = { html: 'sanitize', url: (href) => href };
const render = (body: string, options: ArticleHtmlOptions = keepUrls) => renderArticleHtml(article('a.md', { title: 'A' }, body), options);

const CRISIS_LINE = [
  '<ul>',
  '<li>Call <a href="tel:+1-800-273-8255">1-800-273-8255</a>, then press 1.</li>',
  '<li>Text <a href="sms:838255">838255</a> to reach a counsellor.</li>',
  '</ul>',
  '',
].join('\n');
const FAQ = [
  '<details>',
  '<summary>Can I stop my medicine on my own?</summary>',
  '<p>No: talk to your doctor first.</p>',
  '</details>',
  '<details><summary>Is therapy covered?</summary>Often, ask your plan.</details>',
  '',
  '<dl><dt>Where do I start?</dt><dd>With your GP &amp; a&nbsp;nurse.</dd></dl>',
  '',
].join('\n');
const HOSTILE = 'Tap <b onclick="steal()">here</b> or <a href="javascript:alert(1)">open the form</a>.\n\n<script>alert("block")</script>\n\nInline <script>alert("inline")</script> end.\n';
const QUESTIONS = ['Can I stop my medicine on my own?', 'No: talk to your doctor first.', 'Is therapy covered?', 'Often, ask your plan.', 'Where do I start?', 'With your GP & a nurse.'];

/** The page's text (as a reader sees it) and its links, from the parsed HTML. */
function reading(html: string): { text: string; links: { href?: string; text: string }[] } {
  const doc = parseHtml(`<body>${html}</body>`);
  return { text: text(doc), links: byTag(doc, 'a').map((a) => ({ href: attr(a, 'href'), text: text(a) })) };
}

/** The visible text, paragraph by paragraph: words from two elements never run together. */
function paragraphs(html: string): string[] {
  return byTag(parseHtml(`<body>${html}</body>`), 'p').map((p) => text(p));
}

describe.each(['sanitize', 'text'] as const)('raw HTML with html: %s keeps every word', (mode) => {
  const options: ArticleHtmlOptions = { html: mode, url: (href) => (/^javascript:/i.test(href) ? undefined : href) };

  it('keeps a crisis line written in HTML, the number and the text line', () => {
    const page = reading(render(`If you are in crisis:\n\n${CRISIS_LINE}\nYou are not alone.\n`, options).body);
    expect(page.text).toContain('Call 1-800-273-8255, then press 1.');
    expect(page.text).toContain('Text 838255 to reach a counsellor.');
    expect(page.text).toContain('You are not alone.');
  });

  it('keeps every question and answer of a FAQ written in HTML, entities decoded once', () => {
    const { text: words } = reading(render(FAQ, options).body);
    for (const question of QUESTIONS) expect(words).toContain(question);
  });

  it('removes scripts with their code, event handlers and javascript: URLs, keeping the link text', () => {
    const html = render(HOSTILE, options).body;
    const { text: words, links } = reading(html);
    expect(words).toContain('Tap here or open the form.');
    expect(words).toContain('Inline end.');
    expect(words).not.toContain('alert');
    expect(html).not.toMatch(/<script|onclick|javascript:/i);
    expect(links.every((link) => link.href === undefined)).toBe(true);
  });
});

describe('renderArticleHtml', () => {
  it('gives headings their stable ids, a link to themselves and a table of contents', () => {
    const html = render('Intro.\n\n## Symptoms\n\nText.\n\n### Early signs\n\nMore.\n\n## Symptoms\n\nAgain.\n\n#### Deep\n');
    expect(html.body).toContain('<h2 id="symptoms"><a class="heading-anchor" href="#symptoms">Symptoms</a></h2>');
    expect(html.body).toContain('<h3 id="early-signs">');
    expect(html.body).toContain('<h2 id="symptoms-1">');
    expect(html.toc).toEqual([
      { id: 'symptoms', text: 'Symptoms', depth: 2, children: [{ id: 'early-signs', text: 'Early signs', depth: 3, children: [] }] },
      { id: 'symptoms-1', text: 'Symptoms', depth: 2, children: [] },
    ]);
  });

  it('gives a heading the id its attribute list sets, and shows neither the list nor kramdown attribute lines', () => {
    const html = render('## Heading with id {#custom-id}\n\nText.\n{: .note}\n\nSetext {: #setext}\n---\n\n- TOC\n{:toc}\n\n## Plain {.wide}\n');
    expect(html.body).toContain('<h2 id="custom-id"><a class="heading-anchor" href="#custom-id">Heading with id</a></h2>');
    expect(html.body).toContain('<h2 id="setext"><a class="heading-anchor" href="#setext">Setext</a></h2>');
    expect(html.body).toContain('<h2 id="plain">');
    expect(html.body).not.toMatch(/[{}]/);
    expect(html.body).not.toContain('TOC');
    expect(paragraphs(html.body)).toEqual(['Text.']);
    expect(html.toc.map((e) => [e.id, e.text])).toEqual([
      ['custom-id', 'Heading with id'],
      ['setext', 'Setext'],
      ['plain', 'Plain'],
    ]);
  });

  it('keeps braces that are not an attribute list as text', () => {
    const html = render('## Vitamin{#b12}\n\n## Dose {see below}\n\n## Sets `{#x}`\n');
    expect(html.toc.map((e) => e.text)).toEqual(['Vitamin{#b12}', 'Dose {see below}', 'Sets {#x}']);
  });

  it('does not nest a link in the self-link of a heading that holds one', () => {
    const html = render('## See [NHS](https://www.nhs.uk/)\n');
    expect(html.body).toBe('<h2 id="see-nhs">See <a href="https://www.nhs.uk/">NHS</a></h2>\n');
  });

  it('takes the sources and disclaimer sections out of the body, keeping page order in the contents', () => {
    const html = render('## Disclaimer\n\nNot advice.\n\n## Causes\n\nText.\n\n## References\n\n- [NHS](https://www.nhs.uk/)\n\n### Books\n\n- One\n');
    expect(html.body).not.toContain('Not advice');
    expect(html.body).not.toContain('nhs.uk');
    expect(html.sources).toMatchObject({ id: 'references', title: 'References' });
    expect(html.sources?.html).toContain('<a href="https://www.nhs.uk/">NHS</a>');
    expect(html.sources?.html).toContain('<h3 id="books">');
    expect(html.disclaimer).toMatchObject({ id: 'disclaimer', title: 'Disclaimer', html: '<p>Not advice.</p>\n' });
    expect(html.toc.map((e) => [e.id, e.children.map((c) => c.id)])).toEqual([
      ['causes', []],
      ['references', ['books']],
      ['disclaimer', []],
    ]);
  });

  it('keeps a section whose heading only mentions sources where its author put it', () => {
    const html = render('## Sources of vitamin D\n\nSunlight and oily fish.\n\n## Open source tools\n\nFree.\n\n## Dosage\n\n10 micrograms.\n\n## References\n\n- https://www.nhs.uk/\n');
    expect(html.body.indexOf('Sunlight and oily fish')).toBeLessThan(html.body.indexOf('10 micrograms'));
    expect(html.body).toContain('<h2 id="open-source-tools">');
    expect(html.body).not.toContain('nhs.uk');
    expect(html.sources).toMatchObject({ id: 'references', title: 'References' });
  });

  it('passes every link and image URL through the resolver, dropping what it refuses but keeping the words', () => {
    const seen: string[] = [];
    const html = render('[ok](./b.md#x) and [gone](./missing.md) and ![alt text](img.png "T") ![lost](nope.png)\n', {
      html: 'sanitize',
      url: (href, use) => {
        seen.push(`${use}:${href}`);
        return href.startsWith('./b.md') ? '/articles/b/#x' : href === 'img.png' ? '/assets/media/img.png' : undefined;
      },
    });
    expect(seen).toEqual(['link:./b.md#x', 'link:./missing.md', 'image:img.png', 'image:nope.png']);
    expect(html.body).toBe(
      '<p><a href="/articles/b/#x">ok</a> and gone and <img src="/assets/media/img.png" alt="alt text" title="T" loading="lazy"> lost</p>\n',
    );
  });

  it('publishes a crisis line written in HTML as working tel: and sms: links (html: sanitize)', () => {
    const { links } = reading(render(CRISIS_LINE).body);
    expect(links).toEqual([
      { href: 'tel:+1-800-273-8255', text: '1-800-273-8255' },
      { href: 'sms:838255', text: '838255' },
    ]);
  });

  it('keeps a FAQ as GitHub would: details, summary and definition lists', () => {
    const html = render(FAQ).body;
    expect(html).toContain('<details>\n<summary>Can I stop my medicine on my own?</summary>');
    expect(html).toContain('<dl><dt>Where do I start?</dt><dd>');
  });

  it('keeps the words of elements outside the allowlist, each on its own line', () => {
    const html = render('<center>Opening hours</center><center>9 to 5</center>\n\n<font color="red">Closed on Sundays</font>\n\nPick <select><option>Small</option><option>Large</option></select> <button>Book</button>\n').body;
    expect(html).not.toMatch(/<(center|font|select|option|button)/);
    expect(reading(html).text).toContain('Closed on Sundays');
    expect(html).toContain('<div>Opening hours</div><div>9 to 5</div>');
    expect(html).toMatch(/Small<br \/>Large/);
    expect(reading(html).text).toContain('Book');
  });

  it('turns an embedded frame into a link to what it showed', () => {
    const { links } = reading(render('<iframe src="https://www.youtube.com/embed/abc" title="Checking your feet"></iframe>\n').body);
    expect(links).toEqual([{ href: 'https://www.youtube.com/embed/abc', text: 'Checking your feet' }]);
  });

  it('keeps the alt text of a raw image whose source cannot be published, and drops one without words', () => {
    const options: ArticleHtmlOptions = { html: 'sanitize', url: (href) => (href.startsWith('https://') ? href : undefined) };
    const html = render('<img src="/images/spine.png" alt="Spine X-ray showing L4"> and <img alt="Chart of flu cases"> and <img src="x.png"> <img src="https://x.org/a.png" alt="kept">\n', options).body;
    expect(reading(html).text).toContain('Spine X-ray showing L4 and Chart of flu cases and');
    expect(html).not.toContain('/images/spine.png');
    expect(html).not.toContain('x.png"');
    expect(html).toContain('<img src="https://x.org/a.png" alt="kept" />');
  });

  it('with html: text, removes every tag and keeps the words, a paragraph or line each', () => {
    const options: ArticleHtmlOptions = { html: 'text', url: (href) => href };
    const html = render(`${CRISIS_LINE}\n${FAQ}<div><p>One</p><p>Two</p></div>\n\n<img src="chart.png" alt="A chart of symptoms"> and <b>bold</b><br>next\n`, options).body;
    expect(html).not.toMatch(/<(?!\/?p>|br>)/);
    expect(paragraphs(html)).toEqual([
      'Call 1-800-273-8255, then press 1. Text 838255 to reach a counsellor.',
      'Can I stop my medicine on my own?',
      'No: talk to your doctor first.',
      'Is therapy covered?',
      'Often, ask your plan.',
      'Where do I start? With your GP & a nurse.',
      'One',
      'Two',
      'A chart of symptoms and boldnext',
    ]);
    expect(html).toContain('bold<br>next');
    expect(html).toContain('Call 1-800-273-8255, then press 1.<br>\nText 838255');
    expect(html).toContain('With your GP &amp; a\u00a0nurse.');
  });

  it('with html: text, keeps the numbers a browser shows an ordered list\'s items with', () => {
    const options: ArticleHtmlOptions = { html: 'text', url: (href) => href };
    const steps = '<ol start="4"><li>Take the second dose</li><li value="9">Rest for <b>an hour</b></li><li>Eat</li></ol>';
    const countdown = '<OL reversed type="i">\n<li>Three</li>\n<li><p>Two</p><p>then this</p><ul><li>a bullet</li></ul></li>\n<li>One</li>\n</OL>';
    const html = render(`${steps}\n\n${countdown}\n\n<ul><li>No number</li></ul>\n\n<ol type="A" start="27"><li>Letters</li></ol>\n`, options).body;
    expect(paragraphs(html)).toEqual(['4. Take the second dose 9. Rest for an hour 10. Eat', 'iii. Three ii. Two then this a bullet i. One', 'No number', 'AA. Letters']);
    expect(html).toContain('4. Take the second dose<br>\n9. Rest for an hour<br>\n10. Eat');
  });

  it('with html: text, numbers a raw list whose items are blocks apart (blank lines between them) as one list', () => {
    const options: ArticleHtmlOptions = { html: 'text', url: (href) => href };
    const html = render('<ol start="3">\n\n<li>Call the clinic</li>\n\n<li>Bring your card</li>\n\n</ol>\n\n<ol><li>A new list</li></ol>\n\n</ol>\n\n<ol><li>Not nested</li></ol>\n', options).body;
    expect(paragraphs(html)).toEqual(['3. Call the clinic', '4. Bring your card', '1. A new list', '1. Not nested']);
  });

  it('sanitizes raw HTML, keeping harmless markup', () => {
    const html = render(
      'Text <abbr title="National Health Service">NHS</abbr> <b onclick="x()">bold</b>.\n\n<script>alert(1)</script>\n\n<iframe src="https://x.example/"></iframe>\n\n<a href="javascript:alert(1)">js</a> <a href="b.md">b</a>\n',
      { html: 'sanitize', url: (href) => (href === 'b.md' ? '/articles/b/' : href.startsWith('javascript') ? undefined : href) },
    );
    expect(html.body).toContain('<abbr title="National Health Service">NHS</abbr>');
    expect(html.body).toContain('<b>bold</b>');
    expect(html.body).not.toMatch(/script|iframe|onclick|javascript/i);
    expect(html.body).toContain('<a>js</a>');
    expect(html.body).toContain('<a href="/articles/b/">b</a>');
  });

  it('keeps what numbers a raw ordered list when sanitizing (start, value, type and reversed)', () => {
    const html = render('<ol reversed start="3" type="i"><li>Three</li><li value="1">One</li></ol>\n');
    expect(html.body).toContain('<ol reversed start="3" type="i"><li>Three</li><li value="1">One</li></ol>');
  });

  it('keeps heading ids of its own when sanitizing; a raw id that would clash with the page\'s is prefixed', () => {
    const html = render('<a id="causes">early</a>\n\n## Causes\n\n<h3 id="Content">Raw</h3> <span id="causes">x</span> <a id="q3" href="#q3">q</a>\n');
    expect(html.body).toContain('<h2 id="causes">');
    expect(html.body).toContain('<a id="user-content-causes">early</a>');
    expect(html.body).toContain('<h3 id="user-content-Content">Raw</h3>');
    expect(html.body).toContain('<span id="user-content-causes">x</span>');
    // An id of its own is kept as written, so links to it keep working.
    expect(html.body).toContain('<a id="q3" href="#q3">q</a>');
  });

  it('keeps its own resolved URLs when sanitizing (they are not re-resolved)', () => {
    const html = render('<span>raw</span> [link](b.md)\n', { html: 'sanitize', url: (href) => (href === 'b.md' ? '/articles/b/' : undefined) });
    expect(html.body).toBe('<p><span>raw</span> <a href="/articles/b/">link</a></p>\n');
  });

  it('writes tables without obsolete attributes, in a box that scrolls on small screens', () => {
    const html = render('| a | b |\n|:-:|--:|\n| 1 | 2 |\n');
    expect(html.body).not.toContain('align=');
    expect(html.body).toContain('<th class="align-center">a</th>');
    const box = parseFragment(html.body).childNodes[0] as unknown as { tagName: string; attrs: { name: string; value: string }[] };
    expect(box.tagName).toBe('div');
    expect(box.attrs).toContainEqual({ name: 'tabindex', value: '0' });
  });

  it('escapes text, code and attributes', () => {
    const html = render('A <not a tag & "quotes"\n\n`<b>`\n\n```html\n<script>x</script>\n```\n\n[x](https://e.example/?a=1&b="2")\n');
    const doc = parse(`<body>${html.body}</body>`);
    const serialized = JSON.stringify(doc, (key, value) => (key === 'parentNode' ? undefined : value));
    expect(serialized).not.toContain('"tagName":"script"');
    expect(html.body).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html.body).toContain('href="https://e.example/?a=1&amp;b=&quot;2&quot;"');
  });

  it('shows task list states without unlabelled form controls', () => {
    const html = render('- [x] done\n- [ ] open\n');
    expect(html.body).not.toContain('<input');
    expect(html.body).toContain('aria-label="done"');
  });
});

describe('footnotes', () => {
  const CITED = 'Vitamin D helps bones.[^holick] Most adults need 10 micrograms.[^nice] Bones again.[^holick]\n\n[^holick]: Holick MF. Vitamin D deficiency. N Engl J Med. 2007.\n[^nice]: NICE guideline PH56.\n\n    A second paragraph.\n';

  it('numbers references by first use and lists the notes at the end, each with links back', () => {
    const html = render(CITED).body;
    expect(html).toContain('bones.<sup><a href="#fn-1" id="fnref-1" class="footnote-ref" aria-label="Footnote 1">1</a></sup>');
    expect(html).toContain('micrograms.<sup><a href="#fn-2" id="fnref-2" class="footnote-ref" aria-label="Footnote 2">2</a></sup>');
    expect(html).toContain('again.<sup><a href="#fn-1" id="fnref-1-2" class="footnote-ref" aria-label="Footnote 1">1</a></sup>');
    const doc = parseHtml(`<body>${html}</body>`);
    const items = byTag(doc, 'li');
    expect(items.map((li) => attr(li, 'id'))).toEqual(['fn-1', 'fn-2']);
    expect(text(items[0])).toBe('Holick MF. Vitamin D deficiency. N Engl J Med. 2007. ↩ ↩2');
    expect(byTag(items[0], 'a').map((a) => [attr(a, 'href'), attr(a, 'aria-label')])).toEqual([
      ['#fnref-1', 'Back to reference 1'],
      ['#fnref-1-2', 'Back to reference 1-2'],
    ]);
    expect(byTag(items[1], 'p').map((p) => text(p))).toEqual(['NICE guideline PH56.', 'A second paragraph. ↩']);
    expect(html).toMatch(/<section class="footnotes" aria-labelledby="footnote-label">\n<h2 id="footnote-label" class="visually-hidden">Footnotes<\/h2>/);
    expect(html).not.toContain('[^');
  });

  it('lists a note never referenced, and leaves a reference without a definition as the text it is', () => {
    const html = render('Rest helps.[^missing]\n\n[^unused]: Kept all the same.\n').body;
    expect(html).toContain('<p>Rest helps.[^missing]</p>');
    expect(paragraphs(html)).toContain('Kept all the same.');
    expect(html).toContain('<li id="fn-1">');
  });

  it('takes ids no heading or raw HTML of the article has, and keeps them through the sanitizer', () => {
    const html = render('Text.[^1]\n\n<span id="fnref-1">raw</span>\n\n## Fn 1\n\n[^1]: A source.\n').body;
    const doc = parseHtml(`<body>${html}</body>`);
    const ref = byTag(doc, 'a').find((a) => attr(a, 'class') === 'footnote-ref')!;
    const note = byTag(doc, 'li')[0];
    expect([attr(ref, 'href'), attr(ref, 'id'), attr(note, 'id')]).toEqual(['#footnotes-fn-1', 'footnotes-fnref-1', 'footnotes-fn-1']);
    expect(html).toContain('<h2 id="fn-1">');
    expect(html).toContain('<span id="fnref-1">');
  });

  it('renders a definition list as kramdown and Hugo do: terms as <dt>, a one-paragraph definition as its words, more blocks as blocks', () => {
    const html = render('Haemoglobin\n: The protein that *carries* oxygen.\n\nFerritin\nStored iron\n:   Kept in the liver.\n\n    A second paragraph.\n').body;
    expect(html).toContain('<dl>\n<dt>Haemoglobin</dt>\n<dd>The protein that <em>carries</em> oxygen.</dd>\n<dt>Ferritin</dt>\n<dt>Stored iron</dt>\n<dd><p>Kept in the liver.</p>\n<p>A second paragraph.</p></dd>\n</dl>');
    expect(render('Haemoglobin\n: The protein.\n', { html: 'text', url: (href) => href }).body).toContain('<dt>Haemoglobin</dt>');
  });

  it("keeps a power or a formula's figures raised or lowered under html: text, where dropping <sup> would change the number", () => {
    const text = (body: string) => render(body, { html: 'text', url: (href) => href }).body;
    expect(text('Platelets: 150 to 400 × 10<sup>9</sup>/L, or 10<sup>-3</sup> M; HCO<sub>3</sub><sup>−</sup>.\n')).toContain('150 to 400 × 10⁹/L, or 10⁻³ M; HCO₃⁻.');
    expect(text('<p>Platelets: 150 to 400 × 10<sup>9</sup>/L and CO<sub>2</sub>.</p>\n')).toContain('150 to 400 × 10⁹/L and CO₂.');
    // Words stay words: only figures and signs have raised and lowered forms.
    expect(text('The 1<sup>st</sup> dose, H<sub>a</sub>.\n')).toContain('The 1st dose, Ha.');
    expect(render('10<sup>9</sup>/L\n').body).toContain('10<sup>9</sup>/L');
    // Plain text of the paragraph, what an excerpt and the rules read, keeps the power too.
    expect(article('a.md', { title: 'A' }, 'Platelets: 10<sup>9</sup>/L.\n').prose[0].text).toBe('Platelets: 10⁹/L.');
  });

  it('keeps apart the words of two HTML blocks a blank line parts, as two images left out as their alt text', () => {
    const url = (href: string) => (href.startsWith('missing') ? undefined : href);
    for (const html of ['sanitize', 'text'] as const) {
      const body = render('Two pictures:\n\n<img src="missing-one.png" alt="early sign" />\n\n<img src="missing-two.png" alt="late sign" />\n', { html, url }).body;
      expect(text(parseHtml(`<body>${body}</body>`) as never)).toMatch(/early sign\s+late sign/);
    }
  });

  it('avoids the anchors raw HTML gives the page, as internal-links accepts them: an <a name>, not an id in a comment', () => {
    const named = render('Text.[^1]\n\n<a name="fn-1"></a>\n\n[^1]: A source.\n').body;
    expect(named).toContain('<li id="footnotes-fn-1">');
    const commented = render('Text.[^1]\n\n<!-- <span id="fn-1"> was here -->\n\n[^1]: A source.\n').body;
    expect(commented).toContain('<li id="fn-1">');
  });

  it.each(['sanitize', 'text'] as const)('renders notes with html: %s, raw HTML in a note included', (mode) => {
    const html = render('Text.[^1]\n\n[^1]: A <b>bold</b> source.<script>x()</script>\n', { html: mode, url: (href) => href }).body;
    expect(html).toContain('class="footnote-ref"');
    expect(html).not.toContain('<script');
    expect(paragraphs(html).at(-1)).toBe('A bold source. ↩');
  });

  it('puts the notes in the Sources section when their definitions stand there', () => {
    const html = render('Text.[^1]\n\n## Sources\n\n[^1]: Smith J. https://example.org/study\n');
    expect(html.body).not.toContain('footnotes');
    expect(html.sources?.html).toContain('<li id="fn-1">');
  });

  it('does not nest links: a heading with a reference is not its own anchor, alt text shows no number', () => {
    const html = render('## Dose[^1]\n\n![A chart[^1]](chart.png)\n\n[^1]: A source.\n').body;
    expect(html).toContain('<h2 id="dose">Dose<sup><a href="#fn-1" id="fnref-1"');
    expect(html).toContain('alt="A chart"');
    expect(html).not.toContain('fnref-1-2');
  });

  it('uses the page strings given (Spanish)', () => {
    const strings = { ...BUILT_IN_STRINGS.en, footnotes: 'Notas', footnote_ref: 'Nota {number}', footnote_back: 'Volver a la referencia {reference}' };
    const html = render('Texto.[^1]\n\n[^1]: Una fuente.\n', { ...keepUrls, strings }).body;
    expect(html).toContain('aria-label="Nota 1"');
    expect(html).toContain('aria-label="Volver a la referencia 1"');
    expect(html).toContain('>Notas</h2>');
  });
});

describe('GitHub alerts', () => {
  it.each([
    ['NOTE', 'note', 'Note'],
    ['tip', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['Warning', 'warning', 'Warning'],
    ['CAUTION', 'caution', 'Caution'],
  ])('renders > [!%s] with GitHub\'s markup and its title', (marker, type, title) => {
    const html = render(`> [!${marker}]\n> Take it with food.\n`).body;
    expect(html).toBe(`<div class="markdown-alert markdown-alert-${type}">\n<p class="markdown-alert-title">${title}</p>\n<p>Take it with food.</p>\n</div>\n`);
  });

  it('takes a marker ended by a hard break (a backslash or two spaces), as GitHub does', () => {
    for (const body of ['> [!NOTE]\\\n> Take it with food.\n', '> [!NOTE]  \n> Take it with food.\n']) {
      expect(render(body).body).toBe('<div class="markdown-alert markdown-alert-note">\n<p class="markdown-alert-title">Note</p>\n<p>Take it with food.</p>\n</div>\n');
    }
  });

  it('keeps the blocks of an alert, and its classes through the sanitizer', () => {
    const html = render('> [!WARNING]  \n>\n> Stop if it hurts.\n>\n> - Call 111.\n\n<b>raw</b>\n').body;
    expect(html).toContain('<div class="markdown-alert markdown-alert-warning">\n<p class="markdown-alert-title">Warning</p>\n<p>Stop if it hurts.</p>\n<ul>\n<li>Call 111.</li>\n</ul>\n</div>');
  });

  it.each([
    ['words after the marker on its line', '> [!NOTE] Take it with food.\n'],
    ['an unknown type', '> [!DANGER]\n> Take it with food.\n'],
    ['a marker alone', '> [!NOTE]\n'],
    ['a marker that is not the first line', '> Take it with food.\n> [!NOTE]\n'],
    ['an escaped marker', '> \\[!NOTE]\n> Take it with food.\n'],
  ])('leaves a quote a quote: %s', (_, body) => {
    const html = render(body).body;
    expect(html).toMatch(/^<blockquote>/);
    expect(html).not.toContain('markdown-alert');
  });

  it('takes the title from the page strings, and the rules and excerpt do not read the marker', () => {
    const strings = { ...BUILT_IN_STRINGS.en, ...BUILT_IN_STRINGS.es };
    expect(render('> [!IMPORTANT]\n> Tome la dosis con comida.\n', { ...keepUrls, strings }).body).toContain('<p class="markdown-alert-title">Importante</p>');
    const model = article('a.md', { title: 'A' }, '> [!TIP]\n> Rest helps.\n');
    expect(model.prose.map((block) => [block.text, block.raw])).toEqual([['Rest helps.', 'Rest helps.']]);
  });
});
