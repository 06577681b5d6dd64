import { defaultConfig, resolveConfig } from '../core/config.js';
import type { SiteAnswers } from './init-project.js';
import type { Prompter } from './prompter.js';

/** The site settings `init` writes: the defaults, or, with a prompter, the user's answers. */
export async function askSite(root: string, prompter?: Prompter): Promise<SiteAnswers> {
  const defaults = defaultConfig(root).site;
  if (!prompter) return { title: defaults.title, baseUrl: defaults.baseUrl, language: defaults.language };
  const title = (await prompter.input({ message: 'Site title', default: defaults.title })).trim() || defaults.title;
  const baseUrl = (await prompter.input({ message: 'Base URL (where the site will be published)', default: defaults.baseUrl, validate: (value) => checkSite(root, { baseUrl: value.trim() }) })).trim();
  const language = (await prompter.input({ message: 'Language (BCP 47, e.g. en-GB)', default: defaults.language, validate: (value) => checkSite(root, { language: value.trim() }) })).trim();
  return { title, baseUrl, language };
}

/** Validates an answer with the config schema itself, so the prompt and the config file agree. */
function checkSite(root: string, site: Record<string, string>): true | string {
  try {
    resolveConfig({ site }, root);
    return true;
  } catch (error) {
    return (error as Error).message.replace(/^site\.\w+: /, '');
  }
}
