import { defineRule, type RuleContext } from './types.js';
import { attribute, bodyTags } from '../core/html-tags.js';
import { quoteUrl } from './util/quote-url.js';
import { percentDecoded } from '../core/url-safety.js';

const IMAGE_FILE = /^[^\s/\\]+\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?|heic)$/i;

/** Every image has alt text that describes it: Markdown images, `<img>` in raw HTML and the front-matter `image`. */
export const imageAlt = defineRule({
  id: 'image-alt',
  description: 'Every image has alt text that describes it (not empty, not the file name): Markdown images, <img> tags and the front-matter image',
  severity: 'error',
  messages: {
    'missing-alt': '{{image}} {{url}} has no alt text: {{advice}}',
    'filename-alt': "{{alt}} '{{text}}' is a file name: describe what the image shows instead",
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
});

type Context = RuleContext<keyof typeof imageAlt.messages>;

/** Checks one image's alt text; `where` holds the image's body offsets. */
function checkAlt({ report }: Context, alt: string, src: string, where: { start: number; end: number }, how: string): void {
  const at = { start: where.start, end: where.end };
  if (alt.trim() === '') {
    report({ messageId: 'missing-alt', data: { image: 'Image', url: quoteUrl(src), advice: `describe what it shows for readers who cannot see it (${how})` }, at });
  } else if (isFileName(alt, src)) {
    report({ messageId: 'filename-alt', data: { alt: 'Alt text', text: alt.trim() }, at });
  }
}

function checkFrontMatterImage({ article, report }: Context): void {
  const image = article.data.image;
  if (typeof image !== 'string' || image.trim() === '') return;
  const alt = article.data.imageAlt;
  if (typeof alt !== 'string' || alt.trim() === '') {
    const data = { image: 'Front-matter image', url: quoteUrl(image), advice: "add 'imageAlt: what the image shows'" };
    report({ messageId: 'missing-alt', data, at: { value: 'imageAlt', orKey: ['image'] } });
  } else if (isFileName(alt, image)) {
    report({ messageId: 'filename-alt', data: { alt: 'imageAlt', text: alt.trim() }, at: { value: 'imageAlt' } });
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
  return (percentDecoded(name) ?? name).toLowerCase();
}
