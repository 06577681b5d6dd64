import path from 'node:path';
import type { Place } from '../core/diagnostic.js';
import { classifyUrl, isOutsideFolder, localPath, type UrlUse } from '../core/url-safety.js';
import type { Rule, RuleContext } from './types.js';
import { bodyTags, type BodyTag } from './util/html-tags.js';
import { quoteUrl } from './util/quote-url.js';

/** Attributes that hold URLs a browser fetches or follows. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'cite', 'data', 'xlink:href', 'ping', 'longdesc', 'manifest']);
const IMAGE_TAGS = new Set(['img', 'source', 'picture', 'input']);

interface Target {
  href: string;
  use: UrlUse;
  /** What the message calls it: "Link", "Image", "<iframe src>", "Front-matter image". */
  label: string;
  start: Place;
  end?: Place;
  /** Image files are checked for existence and place (Markdown and front-matter images, which the build copies). */
  local: boolean;
}

/** URLs in an article are safe to publish: no script or data schemes, no absolute paths, images inside the project. */
export const linkSafety: Rule = {
  id: 'link-safety',
  description:
    'No javascript:, vbscript:, data: (raster data:image in images excepted), file:, unknown-scheme or absolute-path URLs; ' +
    'http: is reported as insecure-http so the link can be upgraded (option allowHttp turns that off); images exist inside the project',
  severity: 'error',
  defaultOptions: { allowHttp: false },
  messages: {
    'unsafe-scheme': 'a URL whose scheme can run code, read local files or is unknown',
    'absolute-path': 'an absolute-path (/x) or protocol-relative (//host) URL',
    'insecure-http': 'an unencrypted http: URL (reported at the rule severity unless allowHttp is true)',
    'image-outside-project': 'a relative image path that leads outside the project folder',
    'image-missing': 'a local image file that does not exist',
  },
  check(context) {
    for (const target of targets(context)) checkTarget(context, target);
  },
};

function targets({ article }: RuleContext): Target[] {
  const found: Target[] = [];
  for (const link of article.links) {
    const label = link.kind === 'image' ? 'Image' : 'Link';
    found.push({ href: link.href, use: link.kind, label, start: article.place(link.start), end: article.place(link.end), local: link.kind === 'image' });
  }
  for (const tag of bodyTags(article)) {
    if (tag.kind === 'start') found.push(...tagTargets(tag, article.place));
  }
  const image = article.data.image;
  const place = article.frontMatter?.places.image?.value;
  if (typeof image === 'string' && image.trim() !== '' && place) {
    found.push({ href: image.trim(), use: 'image', label: 'Front-matter image', start: place, local: true });
  }
  return found;
}

function tagTargets(tag: BodyTag, place: (offset: number) => Place): Target[] {
  const found: Target[] = [];
  for (const attribute of tag.attributes) {
    if (!URL_ATTRIBUTES.has(attribute.name) || attribute.value === undefined) continue;
    const use: UrlUse = IMAGE_TAGS.has(tag.name) && attribute.name !== 'href' ? 'image' : 'link';
    // srcset holds "url width, url width"; a data: URL may itself hold commas, so it stays whole.
    const hrefs =
      attribute.name === 'srcset' && !/^\s*data:/i.test(attribute.value)
        ? attribute.value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0])
        : [attribute.value];
    for (const href of hrefs) {
      found.push({ href, use, label: `<${tag.name} ${attribute.name}>`, start: place(attribute.start), local: false });
    }
  }
  return found;
}

function checkTarget({ article, config, options, project, report }: RuleContext, target: Target): void {
  const { href, label } = target;
  const at = { line: target.start.line, column: target.start.column, endLine: target.end?.line, endColumn: target.end?.column };
  const url = classifyUrl(href, target.use);
  if (url.kind === 'unsafe') {
    if (url.target === 'absolute-path' || url.target === 'protocol-relative') {
      const example = target.use === 'image' ? '../images/spine.png' : '../other-article.md';
      const instead = url.target === 'absolute-path' ? `use a path relative to this file, such as ${example}` : 'write the full https:// address';
      report({ messageId: 'absolute-path', message: `${label} ${quoteUrl(href)} is not allowed: ${url.reason}; ${instead}`, ...at });
    } else {
      const instead = target.use === 'image' ? 'use an image file inside the project' : 'link to an https: address or a relative path';
      report({ messageId: 'unsafe-scheme', message: `${label} ${quoteUrl(href)} is not allowed: ${url.reason}; ${instead}`, ...at });
    }
    return;
  }
  if (url.kind === 'warn' && options.allowHttp !== true) {
    report({
      messageId: 'insecure-http',
      message: `${label} ${quoteUrl(href)} uses unencrypted http: change it to https: if the site supports it (or set the link-safety option allowHttp)`,
      ...at,
    });
    return;
  }
  if (!target.local || url.target !== 'relative') return;
  const file = localPath(href, path.dirname(article.path));
  if (!file) return;
  const shown = path.relative(config.root, file).split(path.sep).join('/');
  if (isOutsideFolder(file, config.root)) {
    report({
      messageId: 'image-outside-project',
      message: `${label} ${quoteUrl(href)} leads outside the project folder: move the image into the project and link to it there`,
      ...at,
    });
  } else if (!project.exists(file)) {
    report({ messageId: 'image-missing', message: `${label} ${quoteUrl(href)} does not exist (looked for ${shown}): check the path or add the file`, ...at });
  }
}
