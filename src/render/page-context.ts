import { DEFAULT_DISCLAIMER, type Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { fillString, type PageStrings } from '../core/strings.js';
import type { ArticleHtml } from './article-html.js';
import type { LinkResolver, SitePath } from './links.js';
import type { PageRef } from './pages.js';
import { excerptOf, type SiteEntry } from './site-model.js';
import { STYLESHEET } from './theme.js';

/**
 * What a template sees. Names follow Jekyll's snake_case; every value is plain data, escaped on
 * output unless the template writes `| raw` (only the rendered article HTML and JSON-LD need it).
 */
export interface PageBasics {
  config: Config;
  link: LinkResolver;
  absolute(target: SitePath): string;
  feeds: boolean;
  /** A date as a template shows it in `date_text` ("8 May 2024"); `date` stays YYYY-MM-DD for `<time datetime>`. */
  dateText(date: CalendarDate | undefined, lang: string): string | undefined;
  /** Names joined the way the language joins them ("A, B and C"). */
  listText(items: readonly string[], lang: string): string;
  /** The page strings ("Published", "On this page"…) in a language. */
  strings(lang: string): PageStrings;
}

export function commonContext(
  page: PageRef,
  basics: PageBasics,
  fields: { lang: string; title: string; description: string; ogType: string; image?: string; imageAlt?: string; draft?: boolean; alternates?: { lang: string; href: string }[] },
) {
  const { config, link } = basics;
  const strings = basics.strings(fields.lang);
  return {
    strings,
    site: {
      title: config.site.title,
      description: config.site.description,
      language: config.site.language,
      base_url: basics.absolute(''),
      // The built-in disclaimer comes in the page's language; one set in the config is used as written.
      disclaimer: config.disclaimer.text === DEFAULT_DISCLAIMER ? strings.disclaimer_text : config.disclaimer.text,
    },
    page: {
      kind: page.kind,
      file: page.file,
      title: fields.title,
      description: fields.description,
      canonical: basics.absolute(page.sitePath),
      lang: fields.lang,
      og_locale: fields.lang.replace('-', '_'),
      og_type: fields.ogType,
      image: fields.image,
      image_alt: fields.imageAlt,
      is_home: page.kind === 'index' && page.number === 1,
      draft: fields.draft ?? false,
      alternates: fields.alternates ?? [],
    },
    links: {
      home: link(page.file, ''),
      stylesheet: link(page.file, STYLESHEET),
      feed: basics.feeds ? link(page.file, 'feed.xml') : undefined,
    },
  };
}

/** A post in a list (index, tag page, latest posts). */
export function postSummary(entry: SiteEntry, from: string, lang: string, basics: PageBasics) {
  return {
    title: entry.title,
    href: basics.link(from, entry.sitePath),
    date: entry.date,
    date_text: basics.dateText(entry.date, lang),
    description: entry.description,
    excerpt: excerptOf(entry),
    draft: entry.draft,
    tags: entry.tags.map((tag) => ({ name: tag.name, href: basics.link(from, tag.sitePath) })),
  };
}

export interface ArticleExtras {
  html: ArticleHtml;
  /** Resolved hero image, if the front matter names one that exists. */
  image?: { href: string; absolute: string; alt: string };
  latest: readonly SiteEntry[];
  jsonLd: string;
}

export function articleContext(page: PageRef & { kind: 'article' }, basics: PageBasics, extras: ArticleExtras) {
  const { entry } = page;
  const lang = entry.lang;
  const date = (d: CalendarDate | undefined) => basics.dateText(d, lang);
  const translations = entry.translations.map((other) => ({
    lang: other.lang,
    href: basics.link(page.file, other.sitePath),
    label: basics.strings(other.lang).translation,
  }));
  // hreflang links name every version, this one included, by absolute URL (as search engines read them).
  const alternates = translations.length ? [entry, ...entry.translations].map((e) => ({ lang: e.lang, href: basics.absolute(e.sitePath) })) : [];
  return {
    ...commonContext(page, basics, {
      lang,
      title: entry.title,
      description: entry.description,
      ogType: 'article',
      image: extras.image?.absolute,
      imageAlt: extras.image?.alt,
      draft: entry.draft,
      alternates,
    }),
    article: {
      title: entry.title,
      description: entry.description,
      href: basics.link(page.file, entry.sitePath),
      date: entry.date,
      date_text: date(entry.date),
      updated: entry.updated,
      updated_text: date(entry.updated),
      last_reviewed: entry.lastReviewed,
      last_reviewed_text: date(entry.lastReviewed),
      next_review: entry.nextReview,
      next_review_text: date(entry.nextReview),
      reviewed_by: entry.reviewedBy,
      authors: entry.authors,
      author_text: basics.listText(entry.authors, lang),
      condition: entry.condition,
      medical: entry.medical,
      image: extras.image && { href: extras.image.href, alt: extras.image.alt },
      tags: entry.tags.map((tag) => ({ name: tag.name, href: basics.link(page.file, tag.sitePath) })),
      translations,
      toc: extras.html.toc,
      body: extras.html.body,
      sources: extras.html.sources,
      disclaimer: extras.html.disclaimer,
      data: entry.article.data,
    },
    latest: extras.latest.map((other) => postSummary(other, page.file, lang, basics)),
    json_ld: extras.jsonLd,
  };
}

export function indexContext(page: PageRef & { kind: 'index' }, basics: PageBasics, pageCount: number, previous?: SitePath, next?: SitePath) {
  const { config, link } = basics;
  const lang = config.site.language;
  const strings = basics.strings(lang);
  const heading = page.number === 1 ? strings.latest_posts : fillString(strings.latest_posts_page, { page: page.number });
  return {
    ...commonContext(page, basics, { lang, title: page.number === 1 ? config.site.title : heading, description: config.site.description, ogType: 'website' }),
    heading,
    posts: page.entries.map((entry) => postSummary(entry, page.file, lang, basics)),
    pagination: {
      page: page.number,
      pages: pageCount,
      status: fillString(strings.page_of, { page: page.number, pages: pageCount }),
      previous: previous === undefined ? undefined : link(page.file, previous),
      next: next === undefined ? undefined : link(page.file, next),
    },
  };
}

export function tagContext(page: PageRef & { kind: 'tag' }, basics: PageBasics) {
  const lang = basics.config.site.language;
  const strings = basics.strings(lang);
  const { tag } = page;
  const count = tag.entries.length;
  return {
    ...commonContext(page, basics, {
      lang,
      title: fillString(strings.tag_title, { tag: tag.name }),
      description: fillString(count === 1 ? strings.tag_description_one : strings.tag_description, { count, tag: tag.name }),
      ogType: 'website',
    }),
    tag: { name: tag.name, slug: tag.slug, count: tag.entries.length },
    posts: madeOnRead(tag.entries, (entry) => postSummary(entry, page.file, lang, basics)),
  };
}

/**
 * `items` as an array whose elements are made from them each time one is read. A tag page can list
 * most of a large site (10,000 articles of 100,000 on a generated site), and its summaries, made
 * all at once, were all alive until the page was done. Read through this, each one lives for one
 * turn of the template's loop. Templates see an array (`size`, `first`, filters, `for`
 * with its options); reading one element twice makes it twice, which only costs the time.
 */
export function madeOnRead<T, U>(items: readonly T[], make: (item: T) => U): readonly U[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && isIndex(key, target.length)) return make(target[Number(key)]);
      return Reflect.get(target, key, receiver);
    },
  }) as unknown as readonly U[];
}

function isIndex(key: string, length: number): boolean {
  const index = Number(key);
  return Number.isInteger(index) && index >= 0 && index < length && String(index) === key;
}

