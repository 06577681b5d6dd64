import path from 'node:path';
import type { Place } from '../core/diagnostic.js';
import type { LinkRef } from '../core/markdown.js';
import { classifyUrl, localFileVerdict, localPath, type UrlUse } from '../core/url-safety.js';
import type { Rule, RuleContext } from './types.js';
import { bodyTags, type BodyTag } from './util/html-tags.js';
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
  /** Body offsets, or a place in the front matter; turned into file places only when reported. */
  start: number | Place;
  end?: number;
  /** Image files are checked for existence and place (Markdown and front-matter images, which the build copies). */
  local: boolean;
}

/** URLs in an article are safe to publish: no script or data schemes, no protocol-relative URLs, images inside the project. */
export const linkSafety: Rule = {
  id: 'link-safety',
  description:
    'No javascript:, vbscript:, data: (raster data:image in images excepted), file:, unknown-scheme or protocol-relative (//host) URLs; ' +
    'http: is a warning (option allowHttp turns it off); images exist inside the project; ' +
    'a link or image with an empty address ([text](), <a href="">) is a warning (the page shows its words, unlinked). Site-root links (/about/) are site links: internal-links checks them',
  severity: 'error',
  defaultOptions: { allowHttp: false },
  messages: {
    'unsafe-scheme': 'a URL whose scheme can run code, read local files or is unknown',
    'absolute-path': 'an image at a site-root path (/images/x.png), which names no file of the project',
    'protocol-relative': 'a protocol-relative URL (//host), whose scheme depends on how the page is opened',
    'insecure-http': 'an unencrypted http: URL (a warning; option allowHttp turns it off)',
    'image-outside-project': 'a relative image path that leads outside the project folder',
    'image-missing': 'a local image file that does not exist',
    'image-not-a-file': 'a local image that is not a file of the project: a folder, or a symbolic link that leads out of it',
    'image-type': 'a local image the build does not publish (only PNG, JPEG, GIF, WebP and AVIF; SVG can carry scripts)',
    'empty-url': 'a link or image with an empty address, [text](), ![alt]() or <a href="">: the page shows the words without a link or an image',
  },
  check(context) {
    const { article } = context;
    for (const link of article.links) {
      const image = link.kind === 'image';
      if (classifyUrl(link.href, link.kind).target === 'empty') {
        reportEmpty(context, link);
        continue;
      }
      checkTarget(context, { href: link.href, use: link.kind, label: image ? 'Image' : 'Link', start: link.start, end: link.end, local: image });
    }
    for (const tag of bodyTags(article)) {
      if (tag.kind === 'start' && tag.attributes.length > 0) checkTag(context, tag);
    }
    const image = article.data.image;
    const place = article.frontMatter?.places.image?.value;
    if (typeof image === 'string' && image.trim() !== '' && place) {
      checkTarget(context, { href: image.trim(), use: 'image', label: 'Front-matter image', start: place, local: true });
    }
  },
};

/**
 * An empty address is no danger, but the writer meant something to be there: the renderer shows
 * the words alone (never `<img src="">`), and this says so. A warning: the page loses nothing
 * the author wrote except a link or image that led nowhere.
 */
function reportEmpty(context: RuleContext, link: LinkRef): void {
  const words = link.text.trim();
  const message =
    link.kind === 'image'
      ? `Image ${words ? `'${words}' ` : ''}has no source, so the page shows ${words ? 'its alt text instead of an image' : 'nothing'}: put the image file's path between the parentheses, ![${words || 'what it shows'}](images/file.png), or remove the image`
      : `Link '${words}' has no address, so the page shows '${words}' as plain text: put the address between the parentheses, [${words}](https://…), or remove the brackets`;
  context.report({ messageId: 'empty-url', message, ...range(context, { ...link, use: link.kind, label: '', local: false }), severity: 'warning' });
}

function checkTag(context: RuleContext, tag: BodyTag): void {
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
        context.report({
          messageId: 'empty-url',
          message: `${label} has no address, so the page shows its words as plain text: put the address in href="…", or remove the <a> tag`,
          ...range(context, { href, use, label, start: attribute.start, local: false }),
          severity: 'warning',
        });
        continue;
      }
      checkTarget(context, { href, use, label, start: attribute.start, local: false });
    }
  }
}

function checkTarget(context: RuleContext, target: Target): void {
  const { article, config, options, project } = context;
  const { href, label } = target;
  const url = classifyUrl(href, target.use);
  const report = (messageId: string, message: string, severity?: 'warning') =>
    context.report({ messageId, message, ...range(context, target), ...(severity && { severity }) });
  if (url.kind === 'unsafe') {
    if (url.target === 'site-root') {
      report('absolute-path', `${label} ${quoteUrl(href)} is left out of the built page: ${url.reason}; use a path relative to this file, such as ../images/spine.png`);
    } else if (url.target === 'protocol-relative') {
      // Not a site link: it names another host and takes its scheme from the page, so the same
      // link is https: on the site, http: on a plain server and file: in an export opened from disk.
      report('protocol-relative', `${label} ${quoteUrl(href)} is not allowed: ${url.reason}; write the full https:// address`);
    } else {
      const instead = target.use === 'image' ? 'use an image file inside the project' : 'link to an https: address or a relative path';
      report('unsafe-scheme', `${label} ${quoteUrl(href)} is not allowed: ${url.reason}; ${instead}`);
    }
    return;
  }
  if (url.kind === 'warn' && options.allowHttp !== true) {
    report('insecure-http', `${label} ${quoteUrl(href)} uses unencrypted http: change it to https: if the site supports it (or set the link-safety option allowHttp)`, 'warning');
    return;
  }
  if (!target.local || url.target !== 'relative') return;
  const file = localPath(href, path.dirname(article.path), url);
  if (!file) return;
  // The renderer decides from the same verdict (article-urls.ts), so what passes here is on the page.
  const verdict = localFileVerdict(file, 'image', config.root, (f) => project.isProjectFile?.(f) ?? project.exists(f), (f) => project.exists(f));
  const shown = relativePath(config.root, file);
  if (verdict === 'outside-project') {
    report('image-outside-project', `${label} ${quoteUrl(href)} leads outside the project folder: move the image into the project and link to it there`);
  } else if (verdict === 'missing') {
    report('image-missing', `${label} ${quoteUrl(href)} does not exist (looked for ${shown}): check the path or add the file`);
  } else if (verdict === 'not-a-project-file') {
    report('image-not-a-file', `${label} ${quoteUrl(href)} is left out of the built page: ${shown} is a folder or a symbolic link leading outside the project; copy the image itself into the project`);
  } else if (verdict === 'type') {
    report('image-type', `${label} ${quoteUrl(href)} is left out of the built page: convert it to PNG, JPEG, GIF, WebP or AVIF`);
  }
}

function range({ article }: RuleContext, target: Target): { line: number; column: number; endLine?: number; endColumn?: number } {
  if (typeof target.start !== 'number') return { line: target.start.line, column: target.start.column };
  const start = article.place(target.start);
  if (target.end === undefined) return start;
  const end = article.place(target.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
