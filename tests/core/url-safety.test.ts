import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyUrl, isOutsideFolder, isPublishableImage, localFileVerdict, localImageFile, localPath } from '../../src/core/url-safety.js';

describe('classifyUrl', () => {
  it.each([
    ['https://www.nhs.uk/conditions/back-pain/', 'web'],
    ['HTTPS://pubmed.ncbi.nlm.nih.gov/12345678/', 'web'],
    ['mailto:clinic@example.org', 'contact'],
    ['tel:+441234567890', 'contact'],
    ['tel:+1-800-273-8255', 'contact'],
    ['sms:838255', 'contact'],
    ['back-pain.md', 'relative'],
    ['../treatments/physiotherapy.md#risks', 'relative'],
    ['./leaflet%20v2.pdf', 'relative'],
    ['images/spine.png?v=2', 'relative'],
    ['notes/a:b.md', 'relative'],
    ['', 'empty'],
    [' ', 'empty'],
    ['?page=2', 'relative'],
    ['#when-to-see-a-doctor', 'fragment'],
  ])('accepts %j as %s', (href, target) => {
    expect(classifyUrl(href)).toMatchObject({ kind: 'safe', target });
  });

  it('warns about http: so the link can be upgraded', () => {
    expect(classifyUrl('http://www.example.org/')).toMatchObject({ kind: 'warn', scheme: 'http' });
    expect(classifyUrl('HtTp://www.example.org/', 'image')).toMatchObject({ kind: 'warn', scheme: 'http' });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u200bscript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#106avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106;&#0000097;vascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#x3a;alert(1)',
    'java&Tab;script:alert(1)',
    'javascript%3Aalert(1)',
    '%6A%61%76%61%73%63%72%69%70%74:alert(1)',
    'javascript%253Aalert(1)',
    '&amp;#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/png;base64,iVBORw0KGgo=',
    'file:///etc/passwd',
    'FILE://c:/windows/win.ini',
    'chrome://settings',
    'ms-settings:privacy',
    'c:\\windows\\system32',
    '1http:x',
  ])('refuses %j in a link', (href) => {
    expect(classifyUrl(href).kind).toBe('unsafe');
  });

  it.each(['/articles/back-pain/', '/are-my-children-eligible-for-chip', '&#47;etc/passwd', '/a?b#c'])('calls %j a site-root link, and a site-root image whose file decides its fate', (href) => {
    expect(classifyUrl(href)).toMatchObject({ kind: 'safe', target: 'site-root' });
    expect(classifyUrl(href, 'image')).toMatchObject({ kind: 'safe', target: 'site-root' });
  });

  it.each([
    ['//evil.example/x.js', 'protocol-relative'],
    ['\\\\evil.example\\share', 'protocol-relative'],
    ['/\\evil.example', 'protocol-relative'],
    ['%2F%2Fevil.example', 'protocol-relative'],
    [' //evil.example', 'protocol-relative'],
  ])('refuses %j as %s', (href, target) => {
    expect(classifyUrl(href)).toMatchObject({ kind: 'unsafe', target });
  });

  it('allows raster data: images only in images, never SVG', () => {
    expect(classifyUrl('data:image/png;base64,iVBORw0KGgo=', 'image')).toMatchObject({ kind: 'safe', target: 'data-image' });
    expect(classifyUrl('DATA:image/JPEG;base64,/9j/4AAQ', 'image').kind).toBe('safe');
    expect(classifyUrl('data:image/webp;base64,UklGR', 'image').kind).toBe('safe');
    expect(classifyUrl('data:image/avif;base64,AAAA', 'image').kind).toBe('safe');
    expect(classifyUrl('data:image/svg+xml;base64,PHN2Zz4=', 'image').kind).toBe('unsafe');
    expect(classifyUrl('data:image/svg+xml,<svg onload=alert(1)>', 'image').kind).toBe('unsafe');
    expect(classifyUrl('data:image/png+xml;base64,AAAA', 'image').kind).toBe('unsafe');
    expect(classifyUrl('data:text/html,<script>alert(1)</script>', 'image').kind).toBe('unsafe');
    expect(classifyUrl('mailto:a@example.org', 'image').kind).toBe('unsafe');
  });

  it('refuses control characters and endless encoding', () => {
    expect(classifyUrl('images/a\u0000.png').kind).toBe('unsafe');
    expect(classifyUrl('images/a%00.png').kind).toBe('unsafe');
    expect(classifyUrl('%252525252525252F').kind).toBe('unsafe');
  });

  it('never calls a URL safe that a browser would read as a script', () => {
    // Whatever junk surrounds it, a URL that spells javascript: after the browser's own
    // clean-up (trim controls and spaces, drop tabs and newlines, ignore case) is never safe.
    const noise = fc.constantFrom('', ' ', '\t', '\n', '\u0001', '\u001f');
    const letter = (c: string) => fc.tuple(fc.constantFrom(c, c.toUpperCase(), `&#${c.charCodeAt(0)};`, `%${c.charCodeAt(0).toString(16)}`), noise).map(([a, b]) => a + b);
    const spelled = fc.tuple(...[...'javascript'].map(letter), fc.constantFrom(':', '&colon;', '&#58;', '%3a'));
    fc.assert(
      fc.property(noise, spelled, (lead, parts) => {
        expect(classifyUrl(`${lead}${parts.join('')}alert(1)`).kind).toBe('unsafe');
      }),
    );
  });
});

describe('local paths', () => {
  it('resolves relative URLs from a folder, without query or fragment', () => {
    expect(localPath('../images/spine%20x-ray.png?v=1#top', '/project/articles/back')).toBe('/project/articles/images/spine x-ray.png');
    expect(localPath('#causes', '/project/articles')).toBeUndefined();
    expect(localPath('https://example.org/a.png', '/project/articles')).toBeUndefined();
    expect(localPath('/etc/passwd', '/project/articles')).toBeUndefined();
  });

  it('tells when a path leaves the base folder', () => {
    // What a caller copying files asks: a relative path resolved from one folder, kept inside another.
    const escapesFolder = (href: string, base: string, from = base) => {
      const file = localPath(href, from);
      return file === undefined || isOutsideFolder(file, base);
    };
    expect(escapesFolder('images/spine.png', '/project', '/project/articles')).toBe(false);
    expect(escapesFolder('../images/spine.png', '/project', '/project/articles')).toBe(false);
    expect(escapesFolder('../../etc/passwd', '/project', '/project/articles')).toBe(true);
    expect(escapesFolder('..%2F..%2Fetc/passwd', '/project', '/project/articles')).toBe(true);
    expect(escapesFolder('..\\..\\secret.png', '/project', '/project/articles')).toBe(true);
    expect(escapesFolder('../../project-old/x.png', '/project', '/project/articles')).toBe(true);
    expect(escapesFolder('/etc/passwd', '/project')).toBe(true);
    expect(escapesFolder('//evil.example/x.png', '/project')).toBe(true);
    expect(escapesFolder('file:///etc/passwd', '/project')).toBe(true);
    expect(isOutsideFolder('/project/..secret', '/project')).toBe(false);
    expect(isOutsideFolder('/project', '/project/articles')).toBe(true);
  });
});

describe('isPublishableImage', () => {
  it('accepts raster formats in any case and never SVG', () => {
    expect(['a.png', 'b.JPG', 'c.jpeg', 'd.gif', 'e.webp', 'f.avif'].every(isPublishableImage)).toBe(true);
    expect(['logo.svg', 'scan.pdf', 'x.bmp', 'png', 'x.png.svg'].some(isPublishableImage)).toBe(false);
  });
});

describe('localFileVerdict', () => {
  const inProject = new Set(['/project/files/leaflet.pdf', '/project/files/plan.DOCX', '/project/files/data.csv', '/project/files/chart.png', '/project/files/page.html', '/project/files/logo.svg']);
  const elsewhere = new Set(['/project/files/linked.png', '/project/files']);
  const verdict = (file: string, use: 'link' | 'image') =>
    localFileVerdict(file, use, '/project', (f) => inProject.has(f), (f) => inProject.has(f) || elsewhere.has(f));

  it('publishes documents for links and images for both', () => {
    for (const file of ['/project/files/leaflet.pdf', '/project/files/plan.DOCX', '/project/files/data.csv', '/project/files/chart.png']) expect(verdict(file, 'link'), file).toBe('publish');
    expect(verdict('/project/files/chart.png', 'image')).toBe('publish');
    expect(verdict('/project/files/leaflet.pdf', 'image')).toBe('type');
  });

  it('says why anything else is left out: its place, a missing file, a symbolic link out or a folder, its type', () => {
    expect(verdict('/elsewhere/leaflet.pdf', 'link')).toBe('outside-project');
    expect(verdict('/project/files/gone.pdf', 'link')).toBe('missing');
    expect(verdict('/project/files/linked.png', 'image')).toBe('not-a-project-file');
    expect(verdict('/project/files', 'link')).toBe('not-a-project-file');
    expect(verdict('/project/files/page.html', 'link')).toBe('type');
    expect(verdict('/project/files/logo.svg', 'image')).toBe('type');
  });
});

describe('localImageFile', () => {
  const inProject = new Set(['/project/uploads/a.webp', '/project/static/img/b.png', '/project/img/both.png', '/project/static/img/both.png', '/project/articles/images/c.jpg', '/project/static/img/d.png']);
  const folders = new Set(['/project/img/d.png']);
  const image = (href: string) =>
    localImageFile(href, '/project/articles', '/project', (f) => inProject.has(f), (f) => inProject.has(f) || folders.has(f));

  it('finds a site-root image at the project root (Jekyll) or in static/ (Hugo), the root first', () => {
    expect(image('/uploads/a.webp')).toMatchObject({ file: '/project/uploads/a.webp', verdict: 'publish' });
    expect(image('/img/b.png?v=2')).toMatchObject({ file: '/project/static/img/b.png', verdict: 'publish' });
    expect(image('/img/both.png')).toMatchObject({ file: '/project/img/both.png', verdict: 'publish' });
    // A folder of that name at the root does not hide the file in static/.
    expect(image('/img/d.png')).toMatchObject({ file: '/project/static/img/d.png', verdict: 'publish' });
    expect(image('/uploads/Contaminaci%C3%B3n%20a.webp')?.looked).toEqual(['/project/uploads/Contaminación a.webp', '/project/static/uploads/Contaminación a.webp']);
  });

  it('says what it looked at for a site-root image that is not there, and never leaves the project', () => {
    expect(image('/uploads/gone.webp')).toEqual({ file: '/project/uploads/gone.webp', verdict: 'missing', looked: ['/project/uploads/gone.webp', '/project/static/uploads/gone.webp'] });
    expect(image('/../secret.png')).toMatchObject({ verdict: 'outside-project' });
    expect(image('/%2e%2e/secret.png')).toMatchObject({ verdict: 'outside-project' });
    expect(image('/etc/passwd')).toMatchObject({ file: '/project/etc/passwd', verdict: 'missing' });
  });

  it('resolves a relative image from the article, as before, and is undefined for a web image', () => {
    expect(image('images/c.jpg')).toEqual({ file: '/project/articles/images/c.jpg', verdict: 'publish', looked: ['/project/articles/images/c.jpg'] });
    expect(image('https://example.org/x.png')).toBeUndefined();
  });
});
