import { describe, expect, it } from 'vitest';
import { imageAlt } from '../../src/rules/image-alt.js';
import { fixture, lintOne, summary } from './support/lint-with-rule.js';

const ID = imageAlt.id;
const article = (body: string, frontMatter = '') => `---\ntitle: Knee pain\n${frontMatter}---\n${body}`;

describe('image-alt', () => {
  it('passes images that describe themselves', () => {
    expect(lintOne(ID, fixture(ID, 'ok.md'))).toEqual([]);
  });

  it('reports each image without useful alt text, at the image', () => {
    expect(summary(lintOne(ID, fixture(ID, 'not-ok.md')))).toEqual([
      'missing-alt@6:1',
      'missing-alt@13:1',
      'missing-alt@19:1',
      'filename-alt@21:1',
      'filename-alt@25:26',
      'missing-alt@27:1',
    ]);
  });

  it('spans the whole Markdown image and reports at the rule severity', () => {
    const [finding] = lintOne(ID, article('Swelling: ![](swollen-knee.jpg) after a fall.\n'));
    expect(finding).toMatchObject({ severity: 'error', line: 4, column: 11, endLine: 4, endColumn: 32 });
    expect(finding.message).toContain('swollen-knee.jpg');
  });

  it('checks <img> tags in raw HTML, block and inline', () => {
    const body = '<p>\n<img src="knee.png" alt="">\n</p>\n\nSee <img src=brace.png alt="A hinged knee brace"> and <IMG SRC="x.png" ALT=" ">.\n';
    expect(summary(lintOne(ID, article(body)))).toEqual(['missing-alt@5:1', 'missing-alt@8:55']);
  });

  it('treats the file name, with or without its extension, as no description', () => {
    expect(summary(lintOne(ID, article('![Knee-Brace.PNG](img/knee-brace.png)\n\n![knee brace](img/knee%20brace.webp)\n')))).toEqual([
      'filename-alt@4:1',
      'filename-alt@6:1',
    ]);
    expect(lintOne(ID, article('![A knee brace with two metal hinges](img/knee-brace.png)\n'))).toEqual([]);
  });

  it('needs imageAlt for a front-matter image, at imageAlt when it is there but empty', () => {
    expect(summary(lintOne(ID, article('Text.\n', 'image: knee.jpg\nimageAlt: "  "\n')))).toEqual(['missing-alt@4:11']);
    expect(summary(lintOne(ID, article('Text.\n', 'image: knee.jpg\nimageAlt: knee.jpg\n')))).toEqual(['filename-alt@4:11']);
    expect(lintOne(ID, article('Text.\n', 'image: knee.jpg\nimageAlt: An ice pack on a swollen knee\n'))).toEqual([]);
  });

  it('ignores images in code', () => {
    expect(lintOne(ID, article('Write `![](x.png)` like this:\n\n```md\n![](y.png)\n<img src="z.png">\n```\n'))).toEqual([]);
  });

  it('is silenced by an inline disable comment', () => {
    expect(lintOne(ID, article('<!-- healthmd-disable-next-line image-alt -->\n![](decorative-divider.png)\n'))).toEqual([]);
  });
});
