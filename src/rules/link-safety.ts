import * as z from 'zod/mini';
import type { LinkRef } from '../core/markdown.js';
import { classifyUrl, type UrlUse } from '../core/url-safety.js';
import { defineRule, type At, type RuleContext } from './types.js';
import { bodyTags, type BodyTag } from '../core/html-tags.js';
import { localImage } from './util/image-file.js';
import { quoteUrl } from './util/quote-url.js';
import { relativePath } from '../core/relative-path.js';

/** Attributes that hold URLs a browser fetches or follows. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'cite', 'data', 'xlink:href', 'ping', 'longdesc', 'manifest']);
const IMAGE_TAGS = new Set(['img', 'source', 'picture', 'input']);

interface Target {
  href: string;
  use: UrlUse;
  /** What the message calls it: "Link", "Image", "<iframe src>", "Front-matter image". */
  label: string;
  /** Where it is written (the engine places it). */
  at: At;
  /** Image files are checked for existence and place (Markdown, raw <img src> and front-matter images, which the build copies). */
  local: boolean;
  /** A bare `www.` address as the author wrote it, which GFM links with http:. */
  bareWww?: string;
}

/** URLs in an article are safe to publish: no script or data schemes, no protocol-relative URLs, images inside the project. */
export const linkSafety = defineRule({
  id: 'link-safety',
  description:
    'No javascript:, vbscript:, data: (raster data:image in images excepted), file:, unknown-scheme or protocol-relative (//host) URLs; ' +
    'http: is a warning (option allowHttp turns it off); images (Markdown, raw <img src> and front matter) exist inside the project, ' +
    'a site-root image (/uploads/a.png) at the project root or in static/ as Jekyll and Hugo keep them; ' +
    'a link or image with an empty address ([text](), <a href="">) is a warning (the page shows its words, unlinked). Site-root links (/about/) are site links: internal-links checks them',
  severity: 'error',
  options: z.strictObject({ allowHttp: z._default(z.boolean(), false) }),
  messages: {
    'unsafe-scheme': '{{label}} {{url}} is not allowed: {{reason}}; {{instead}}',
    'protocol-relative': '{{label}} {{url}} is not allowed: {{reason}}; write the full https:// address',
    'insecure-http': '{{label}} {{url}} uses unencrypted http: change it to https: if the site supports it (or set the link-safety option allowHttp)',
    'insecure-www':
      "{{label}} {{written}} is a bare www. address, which Markdown links with unencrypted http: ({{url}}): write it in full as {{https}} if the site supports it (or set the link-safety option allowHttp)",
    'image-outside-project': '{{label}} {{url}} leads outside the project folder: move the image into the project and link to it there',
    'image-missing': '{{label}} {{url}} does not exist (looked for {{file}}): check the path or add the file',
    'image-not-a-file':
      '{{label}} {{url}} is left out of the built page: {{file}} is a folder or a symbolic link leading outside the project; copy the image itself into the project',
    'image-type': '{{label}} {{url}} is left out of the built page: convert it to PNG, JPEG, GIF, WebP or AVIF',
    'empty-url': '{{what}} has no {{missing}}, so the page shows {{shown}}: {{advice}}',
  },
  check(context) {
    const { article } = context;
    for (const link of article.links) {
      const image = link.kind === 'image';
      if (classifyUrl(link.href, link.kind).target === 'empty') {
        reportEmpty(context, link);
        continue;
      }
      const bareWww = !image && /^www\./i.test(link.raw) && link.href === `http://${link.raw}` ? link.raw : undefined;
      checkTarget(context, { href: link.href, use: link.kind, label: image ? 'Image' : 'Link', at: { start: link.start, end: link.end }, local: image, bareWww });
    }
    for (const tag of bodyTags(article)) {
      if (tag.kind === 'start' && tag.attributes.length > 0) checkTag(context, tag);
    }
    const image = article.data.image;
    if (typeof image === 'string' && image.trim() !== '' && article.frontMatter?.places.image) {
      checkTarget(context, { href: image.trim(), use: 'image', label: 'Front-matter image', at: { value: 'image' }, local: true });
    }
  },
});

type Context = RuleContext<keyof typeof linkSafety.messages, { allowHttp: boolean }>;

/**
 * An empty address is no danger, but the writer meant something to be there: the renderer shows
 * the words alone (never `<img src="">`), and this says so. A warning: the page loses nothing
 * the author wrote except a link or image that led nowhere.
 */
function reportEmpty(context: Context, link: LinkRef): void {
  const words = link.text.trim();
  const data =
    link.kind === 'image'
      ? {
          what: `Image ${words ? `'${words}' ` : ''}`.trimEnd(),
          missing: 'source',
          shown: words ? 'its alt text instead of an image' : 'nothing',
          advice: `put the image file's path between the parentheses, ![${words || 'what it shows'}](images/file.png), or remove the image`,
        }
      : { what: `Link '${words}'`, missing: 'address', shown: `'${words}' as plain text`, advice: `put the address between the parentheses, [${words}](https://…), or remove the brackets` };
  context.report({ messageId: 'empty-url', data, at: { start: link.start, end: link.end }, severity: 'warning' });
}

function checkTag(context: Context, tag: BodyTag): void {
  for (const attribute of tag.attributes) {
    if (attribute.value === undefined || !URL_ATTRIBUTES.has(attribute.name)) continue;
    const use: UrlUse = IMAGE_TAGS.has(tag.name) && attribute.name !== 'href' ? 'image' : 'link';
    // srcset holds "url width, url width"; a data: URL may itself hold commas, so it stays whole.
    const hrefs =
      attribute.name === 'srcset' && !/^\s*data:/i.test(attribute.value)
        ? attribute.value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0])
        : [attribute.value];
    for (const href of hrefs) {
      const label = `<${tag.name} ${attribute.name}>`;
      if (tag.name === 'a' && attribute.name === 'href' && classifyUrl(href, use).target === 'empty') {
        // The page keeps the words and drops the link (sanitize-raw-html.ts), as for [text]().
        const data = { what: label, missing: 'address', shown: 'its words as plain text', advice: 'put the address in href="…", or remove the <a> tag' };
        context.report({ messageId: 'empty-url', data, at: { start: attribute.start }, severity: 'warning' });
        continue;
      }
      // A raw image is published by the same rules as a Markdown one: its file must be in the project.
      checkTarget(context, { href, use, label, at: { start: attribute.start }, local: tag.name === 'img' && attribute.name === 'src' });
    }
  }
}

/** `localhost`, `*.localhost`, 127.x.x.x and [::1]: the reader's own machine, where http: never leaves it and https: is rarely served. */
const LOOPBACK = /^http:\/\/(?:[^/?#@]*@)?(?:(?:[a-z0-9-]+\.)*localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:[/?#]|$)/i;

function loopback(href: string): boolean {
  return LOOPBACK.test(href.trim());
}

function checkTarget(context: Context, target: Target): void {
  const { options } = context;
  const { href, label } = target;
  const url = classifyUrl(href, target.use);
  const report = (messageId: keyof typeof linkSafety.messages, data: Record<string, string> = {}, severity?: 'warning') =>
    context.report({ messageId, data: { label, url: quoteUrl(href), ...data }, at: target.at, ...(severity && { severity }) });
  if (url.kind === 'unsafe') {
    if (url.target === 'protocol-relative') {
      // Not a site link: it names another host and takes its scheme from the page, so the same
      // link is https: on the site, http: on a plain server and file: in an export opened from disk.
      report('protocol-relative', { reason: url.reason });
    } else {
      const instead = target.use === 'image' ? 'use an image file inside the project' : 'link to an https: address or a relative path';
      report('unsafe-scheme', { reason: url.reason, instead });
    }
    return;
  }
  if (url.kind === 'warn' && !options.allowHttp && !loopback(href)) {
    // The author never wrote http: quote what they wrote, and what to write instead.
    if (target.bareWww) report('insecure-www', { written: quoteUrl(target.bareWww), https: quoteUrl(`https://${target.bareWww}`) }, 'warning');
    else report('insecure-http', {}, 'warning');
    return;
  }
  if (!target.local || (url.target !== 'relative' && url.target !== 'site-root')) return;
  const image = localImage(context, href, url);
  if (!image) return;
  const { verdict } = image;
  const shown = relativePath(context.config.root, image.file);
  if (verdict === 'outside-project') {
    report('image-outside-project');
  } else if (verdict === 'missing') {
    report('image-missing', { file: image.looked.map((file) => relativePath(context.config.root, file)).join(' and ') });
  } else if (verdict === 'not-a-project-file') {
    report('image-not-a-file', { file: shown });
  } else if (verdict === 'type') {
    report('image-type');
  }
}
