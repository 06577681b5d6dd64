import { Liquid } from 'liquidjs';
import { stringify } from 'yaml';
import { escapeMarkdown } from './markdown-escape.js';

/**
 * The Liquid engine for scaffolding templates in `folder` (article and config templates). Same syntax as the
 * site templates; `md_escape` makes a name safe as Markdown text, `yaml` writes a value as a YAML
 * scalar or flow collection, quoted where YAML needs it.
 */
export function createTemplateEngine(folder: string): Liquid {
  // Partials resolve next to the template, not in whatever folder healthmd was started from.
  const engine = new Liquid({ root: [folder], partials: [folder], strictFilters: true, ownPropertyOnly: true });
  engine.registerFilter('md_escape', (value: unknown) => escapeMarkdown(String(value ?? '')));
  engine.registerFilter('yaml', (value: unknown) => stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd());
  return engine;
}
