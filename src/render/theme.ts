import type { SitePath } from './links.js';

/** One template as found on disk: the project's override or the built-in one. */
export interface TemplateSource {
  /** The name templates refer to it by, with forward slashes: `article.liquid`, `partials/toc.liquid`. */
  name: string;
  /** Where it was read from (absolute), for error messages. */
  file: string;
  text: string;
}

/**
 * The templates and static assets a site is rendered with: the built-in ones, each replaced by
 * a file of the same name in the project's templatesDir. Reading them is the caller's job; the
 * renderer only uses what is here.
 */
export interface Theme {
  templates: ReadonlyMap<string, TemplateSource>;
  /** Static files by site path (`assets/style.css`) → absolute source path. */
  assets: ReadonlyMap<SitePath, string>;
}

/** The site path of the stylesheet every page links to. */
export const STYLESHEET: SitePath = 'assets/style.css';
