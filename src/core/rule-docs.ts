/** Where healthmd's documentation is published (the README, as the package page shows it). */
export const HOMEPAGE = 'https://www.npmjs.com/package/healthmd';

/** A rule's page, relative to the package root: docs/rules/<id>.md, shipped in the package. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

// The bundle's chunks sit in dist/, the source in src/core/: either way the package root is above.
const PACKAGE_ROOT = new URL(import.meta.url.includes('/dist/') ? '../' : '../../', import.meta.url);

/**
 * The address of a rule's page: the file inside the installed package, which opens on the machine
 * that runs healthmd (`healthmd rules`). A report read elsewhere (SARIF) carries the page itself
 * and at most its published address (publishedRuleDocsUrl).
 */
export function ruleDocsUrl(ruleId: string): string {
  return new URL(ruleDocsPath(ruleId), PACKAGE_ROOT).href;
}

/** What package.json says of where the package lives (npm's `repository` is a string or `{type, url, directory}`). */
export interface PackageLinks {
  homepage?: unknown;
  repository?: unknown;
}

/** How each host shows a file of a repository at its default branch. */
const HOSTS: Record<string, (web: string, file: string) => string> = {
  'github.com': (web, file) => `${web}/blob/HEAD/${file}`,
  'gitlab.com': (web, file) => `${web}/-/blob/HEAD/${file}`,
  'bitbucket.org': (web, file) => `${web}/src/HEAD/${file}`,
};
const SHORTHAND: Record<string, string> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };

/** A repository as npm writes it (`github:o/r`, `o/r`, `git+https://…/o/r.git`, `git@host:o/r.git`) as its https address. */
function repositoryWeb(url: string): { host: string; web: string } | undefined {
  const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (short) return { host: SHORTHAND[short[1] ?? 'github'], web: `https://${SHORTHAND[short[1] ?? 'github']}/${short[2].replace(/\.git$/, '')}` };
  const full = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(url) ?? /^[^@/]+@([^:/]+):(.+?)(?:\.git)?$/.exec(url);
  return full ? { host: full[1].toLowerCase(), web: `https://${full[1].toLowerCase()}/${full[2]}` } : undefined;
}

/**
 * The https address of a rule's page where the package is published, if package.json says where:
 * the file in its repository on GitHub, GitLab or Bitbucket, else its `homepage` (whose README
 * documents every rule). Without either there is no public address, and none is made up: a report
 * read on another machine (SARIF in code scanning) would link to nothing.
 */
export function publishedRuleDocsUrl(ruleId: string, links: PackageLinks): string | undefined {
  const repository = links.repository;
  const url = typeof repository === 'string' ? repository : repository && typeof repository === 'object' ? (repository as { url?: unknown }).url : undefined;
  const directory = repository && typeof repository === 'object' ? (repository as { directory?: unknown }).directory : undefined;
  const found = typeof url === 'string' ? repositoryWeb(url.trim()) : undefined;
  const show = found && HOSTS[found.host];
  if (found && show) return show(found.web, [typeof directory === 'string' ? directory.replace(/^\/+|\/+$/g, '') : '', ruleDocsPath(ruleId)].filter(Boolean).join('/'));
  const homepage = links.homepage;
  return typeof homepage === 'string' && /^https:\/\/[^\s/]+/.test(homepage) ? homepage : undefined;
}
