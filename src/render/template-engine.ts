import { filters, Liquid, LiquidError, type Context, type Template } from 'liquidjs';
import { HealthmdError } from '../core/errors.js';
import { compileTemplate, renderContext, type CompiledTemplate } from './compiled-template.js';
import type { Theme } from './theme.js';

/** A template that does not parse or fails while rendering, named by its file and line (exit 2). */
export class TemplateError extends HealthmdError {
  constructor(message: string, options: { file?: string; line?: number; column?: number; cause?: unknown }) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

// Generous for any honest template; a runaway loop in an edited template stops instead of hanging the build.
const RENDER_LIMIT_MS = 10_000;
const MEMORY_LIMIT = 1e8;

const TO_ESCAPE = /[&<>"']/;
/** liquidjs's own escape filter: what a filter is called with is liquidjs's to give. */
const liquidEscape = filters.escape as (this: { context: Context }, value: unknown) => string;

/**
 * liquidjs's `escape`, without its replace for text with nothing to escape, most of what a page
 * shows: a replace with a function per match took 0.2 s of a 4,000-article build. The same
 * result, and the same count against the memory limit.
 */
function escape(this: { context: Context }, value: unknown): string {
  if (typeof value === 'string' && !TO_ESCAPE.test(value)) {
    this.context.memoryLimit.use(value.length);
    return value;
  }
  return liquidEscape.call(this, value);
}

/**
 * Liquid (Jekyll and Eleventy's template language, which runs no code) over the theme's
 * templates, held in memory: a template can include only other theme templates, never a file
 * elsewhere on disk. Every output is HTML-escaped unless the template says `| raw`, and a
 * template sees only the values it is given (no prototype properties).
 */
export class TemplateEngine {
  private readonly liquid: Liquid;
  private readonly files = new Map<string, string>();
  /** Parsed page templates: rendering a parsed template skips the lookup renderFile does on every page. */
  private readonly parsed = new Map<string, Template[]>();
  /** Page templates as plain functions (compileTemplate), null for one liquidjs renders itself. */
  private readonly compiled = new Map<string, CompiledTemplate | null>();

  constructor(theme: Theme, describeFile: (file: string) => string = (file) => file) {
    const templates: Record<string, string> = Object.create(null);
    for (const [name, source] of theme.templates) {
      templates[name] = source.text;
      this.files.set(name, describeFile(source.file));
    }
    this.liquid = new Liquid({
      templates,
      extname: '.liquid',
      outputEscape: escape,
      ownPropertyOnly: true,
      strictFilters: true,
      relativeReference: false,
      cache: true,
      renderLimit: RENDER_LIMIT_MS,
      memoryLimit: MEMORY_LIMIT,
    });
  }

  /** Parses every template now, so a broken one stops the build before any page is written. */
  check(names: readonly string[]): void {
    for (const name of names) this.template(name);
  }

  render(name: string, context: object): string {
    const compiled = this.compiledTemplate(name);
    if (compiled) {
      try {
        return compiled(renderContext(this.liquid, context));
      } catch {
        // liquidjs renders it again, and names the template and line of what failed.
      }
    }
    return this.renderWithLiquid(name, context);
  }

  /** Renders with liquidjs itself, as every page was before templates were compiled (the tests compare the two). */
  renderWithLiquid(name: string, context: object): string {
    const template = this.template(name);
    return this.guard(name, () => this.liquid.renderSync(template, context) as string);
  }

  /** Whether the page template is rendered by compiled functions rather than by liquidjs. */
  isCompiled(name: string): boolean {
    return this.compiledTemplate(name) !== undefined;
  }

  private compiledTemplate(name: string): CompiledTemplate | undefined {
    let compiled = this.compiled.get(name);
    if (compiled === undefined) this.compiled.set(name, (compiled = compileTemplate(this.liquid, this.template(name)) ?? null));
    return compiled ?? undefined;
  }

  private template(name: string): Template[] {
    let template = this.parsed.get(name);
    if (!template) this.parsed.set(name, (template = this.guard(name, () => this.liquid.parseFileSync(name))));
    return template;
  }

  private guard<T>(name: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw this.describe(name, error);
    }
  }

  private describe(name: string, error: unknown): TemplateError {
    if (error instanceof LiquidError) {
      const templateName = (error as LiquidError & { token?: { file?: string } }).token?.file ?? `${name}.liquid`;
      const [line, column] = error.token?.getPosition?.() ?? [];
      const message = error.message.replace(/, file:.*$|, line:\d+, col:\d+$/s, '');
      return new TemplateError(`template error: ${message}; fix the template or delete it to use the built-in one`, {
        file: this.files.get(templateName) ?? templateName,
        line,
        column,
        cause: error,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    const file = this.files.get(`${name}.liquid`) ?? `${name}.liquid`;
    return new TemplateError(`template error: ${message}`, { file, cause: error });
  }
}
