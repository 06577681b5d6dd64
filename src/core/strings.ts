import { primaryLanguage } from './language-tag.js';

/**
 * The words healthmd's pages print around an article's own ("Published", "On this page"…), built
 * in for English and Spanish. A page takes them in its language (an article's `lang`, a list
 * page's `site.language`); `strings` in the config adds other languages and overrides any text.
 * `{name}` placeholders are filled in by the page (a count, a page number, a tag).
 */
export const BUILT_IN_STRINGS = {
  en: {
    skip_link: 'Skip to main content',
    site_nav: 'Site',
    latest_posts: 'Latest posts',
    latest_posts_page: 'Latest posts, page {page}',
    atom_feed: 'Atom feed',
    by: 'By',
    reviewed_by: 'Medically reviewed by',
    reviewed_on: 'on',
    published: 'Published',
    updated: 'Updated',
    next_review: 'Next review due',
    on_this_page: 'On this page',
    disclaimer: 'Disclaimer',
    /** The disclaimer box of a medical article without a Disclaimer section, unless `disclaimer.text` is set. */
    disclaimer_text:
      'This article is for general information only and is not a substitute for professional medical advice, diagnosis or treatment. Always ask your doctor or another qualified health professional about any questions you have about a medical condition.',
    topics: 'Topics:',
    topic: 'Topic',
    tag_title: 'Articles tagged “{tag}”',
    tag_description_one: '1 article about {tag}.',
    tag_description: '{count} articles about {tag}.',
    newer_posts: '← Newer posts',
    older_posts: 'Older posts →',
    pages: 'Pages',
    page_of: 'Page {page} of {pages}',
    no_posts: 'No articles have been published yet.',
    footer_note:
      'The articles on this site are general information, written and reviewed with care. They are not a substitute for advice from a doctor or another qualified health professional who knows your situation.',
    draft: 'Draft',
    draft_note: 'Not published: this page is shown only by build or serve with --drafts.',
    /** The link to this language's version of a page, written in this language. */
    translation: 'In English',
    moved: 'This page has moved to',
    /** The heading of an article's footnotes (read by screen readers, hidden on screen). */
    footnotes: 'Footnotes',
    /** A footnote reference's accessible name. */
    footnote_ref: 'Footnote {number}',
    /** A footnote's link back to its reference ({reference}: 1, or 1-2 for the second reference to note 1). */
    footnote_back: 'Back to reference {reference}',
    /** The titles of GitHub alerts (`> [!NOTE]`…), which say what kind of note the box is. */
    alert_note: 'Note',
    alert_tip: 'Tip',
    alert_important: 'Important',
    alert_warning: 'Warning',
    alert_caution: 'Caution',
  },
  es: {
    skip_link: 'Saltar al contenido principal',
    site_nav: 'Sitio',
    latest_posts: 'Últimas publicaciones',
    latest_posts_page: 'Últimas publicaciones, página {page}',
    atom_feed: 'Canal Atom',
    by: 'Por',
    reviewed_by: 'Revisado médicamente por',
    reviewed_on: 'el',
    published: 'Publicado el',
    updated: 'Actualizado el',
    next_review: 'Próxima revisión el',
    on_this_page: 'En esta página',
    disclaimer: 'Aviso',
    disclaimer_text:
      'Este artículo es solo información general y no sustituye el consejo, el diagnóstico ni el tratamiento de un profesional sanitario. Consulte siempre a su médico u otro profesional sanitario cualificado cualquier duda sobre una enfermedad.',
    topics: 'Temas:',
    topic: 'Tema',
    tag_title: 'Artículos sobre «{tag}»',
    tag_description_one: '1 artículo sobre {tag}.',
    tag_description: '{count} artículos sobre {tag}.',
    newer_posts: '← Publicaciones más recientes',
    older_posts: 'Publicaciones anteriores →',
    pages: 'Páginas',
    page_of: 'Página {page} de {pages}',
    no_posts: 'Todavía no se ha publicado ningún artículo.',
    footer_note:
      'Los artículos de este sitio son información general, escrita y revisada con cuidado. No sustituyen el consejo de un médico u otro profesional sanitario cualificado que conozca su situación.',
    draft: 'Borrador',
    draft_note: 'Sin publicar: esta página solo se muestra con build o serve y --drafts.',
    translation: 'En español',
    moved: 'Esta página se ha trasladado a',
    footnotes: 'Notas',
    footnote_ref: 'Nota {number}',
    footnote_back: 'Volver a la referencia {reference}',
    alert_note: 'Nota',
    alert_tip: 'Consejo',
    alert_important: 'Importante',
    alert_warning: 'Advertencia',
    alert_caution: 'Precaución',
  },
} as const;

export type StringKey = keyof (typeof BUILT_IN_STRINGS)['en'];
export type PageStrings = Record<StringKey, string>;
export const STRING_KEYS = Object.keys(BUILT_IN_STRINGS.en) as StringKey[];

/** `strings` in the config: language tag -> the texts it sets. */
export type StringsConfig = Record<string, Partial<PageStrings>>;

/**
 * The strings of a page in `lang` (`es-MX`): each text from the config's `es-MX`, else its `es`,
 * else the built-in `es`, else English (a language with no strings of its own still gets every
 * text, and the config can add them one by one).
 */
export function pageStrings(lang: string, configured: StringsConfig = {}): PageStrings {
  const primary = primaryLanguage(lang);
  const find = (tag: string) => Object.entries(configured).find(([key]) => key.toLowerCase() === tag.toLowerCase())?.[1];
  const builtIn = (BUILT_IN_STRINGS as Record<string, PageStrings>)[primary];
  const strings: PageStrings = { ...BUILT_IN_STRINGS.en, ...builtIn, ...find(primary), ...find(lang) };
  // A link to a page in a language healthmd has no strings for is named in that language ("Français").
  if (primary !== 'en' && strings.translation === BUILT_IN_STRINGS.en.translation) strings.translation = languageName(lang);
  return strings;
}

/** A string with its `{name}` placeholders filled in. */
export function fillString(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

function languageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}
