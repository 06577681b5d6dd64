import { escapeHtml } from '../render/escape-html.js';
import { STYLESHEET } from '../render/theme.js';

export interface StandalonePage {
  lang: string;
  title: string;
  /** One or two sentences: what happened and what to do. */
  message: string;
  /** serve's additions (findings panel, reload script), placed before `</body>`. */
  overlay: string;
}

/**
 * A page serve shows when the site's templates cannot make one: not found, an article that cannot
 * be rendered, a broken template. It needs no template, so it works when the templates do not.
 */
export function renderStandalonePage(page: StandalonePage): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="/${STYLESHEET}">
</head>
<body>
<main class="site-main" style="max-width: 44rem; margin: 2rem auto; padding: 0 1rem">
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
<p><a href="/">Home page</a></p>
</main>
${page.overlay}</body>
</html>
`;
}
