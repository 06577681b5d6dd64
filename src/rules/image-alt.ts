import type { Rule, RuleContext } from './types.js';
import { attribute, bodyTags } from './util/html-tags.js';
import { quoteUrl } from './util/quote-url.js';

const IMAGE_FILE = /^[^\s/\\]+\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?|heic)$/i;

/** Every image has alt text that describes it: Markdown images, `<img>` in raw HTML and the front-matter `image`. */
export const imageAlt: Rule = {
  id: 'image-alt',
  description: 'Every image has alt text that describes it (not empty, not the file name): Markdown images, <img> tags and the front-matter image',
  severity: 'error',
  messages: {
    'missing-alt': 'an image has no alt text, or only spaces',
    'filename-alt': 'the alt text is a file name, which tells a screen-reader user nothing',
  },
  check(context) {
    const { article } = context;
    for (const link of article.links) {
      if (link.kind !== 'image') continue;
      checkAlt(context, link.text.replace(/[*_`~]/g, ''), link.href, link, "write it between the brackets: ![what the image shows](…)");
    }
    for (const tag of bodyTags(article)) {
      if (tag.kind !== 'start' || tag.name !== 'img') continue;
      checkAlt(context, attribute(tag, 'alt')?.value ?? '', attribute(tag, 'src')?.value ?? '', tag, 'add alt="what the image shows"');
    }
    checkFrontMatterImage(context);
  },
};

/** Checks one image's alt text; `where` holds the image's body offsets. */
function checkAlt({ article, report }: RuleContext, alt: string, src: string, where: { start: number; end: number }, how: string): void {
  let messageId: string;
  let message: string;
  if (alt.trim() === '') {
    messageId = 'missing-alt';
    message = `Image ${quoteUrl(src)} has no alt text: describe what it shows for readers who cannot see it (${how})`;
  } else if (isFileName(alt, src)) {
    messageId = 'filename-alt';
    message = `Alt text '${alt.trim()}' is a file name: describe what the image shows instead`;
  } else {
    return;
  }
  const start = article.place(where.start);
  const end = article.place(where.end);
  report({ messageId, message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
}

function checkFrontMatterImage({ article, report }: RuleContext): void {
  const image = article.data.image;
  if (typeof image !== 'string' || image.trim() === '') return;
  const places = article.frontMatter?.places ?? {};
  const alt = article.data.imageAlt;
  if (typeof alt !== 'string' || alt.trim() === '') {
    const at = places.imageAlt?.value ?? places.image?.key ?? { line: 1, column: 1 };
    report({
      messageId: 'missing-alt',
      message: `Front-matter image ${quoteUrl(image)} has no alt text: add 'imageAlt: what the image shows'`,
      line: at.line,
      column: at.column,
    });
  } else if (isFileName(alt, image)) {
    const at = places.imageAlt?.value ?? { line: 1, column: 1 };
    report({ messageId: 'filename-alt', message: `imageAlt '${alt.trim()}' is a file name: describe what the image shows instead`, line: at.line, column: at.column });
  }
}

/** True when alt text is the image's own file name (with or without extension), or looks like any image file name. */
function isFileName(alt: string, src: string): boolean {
  const text = alt.trim().toLowerCase();
  if (IMAGE_FILE.test(text)) return true;
  if (src.startsWith('data:')) return false;
  const name = fileName(src);
  return name !== '' && (text === name || text === name.replace(/\.[^.]*$/, ''));
}

/** The lower-case, decoded last path segment of an address. */
function fileName(src: string): string {
  const name = src.split(/[?#]/, 1)[0].split(/[/\\]/).pop() ?? '';
  if (!name.includes('%')) return name.toLowerCase();
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}
