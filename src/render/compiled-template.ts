import {
  BlockTag,
  CommentTag,
  Context,
  ForTag,
  IfTag,
  IncludeTag,
  InlineCommentTag,
  isTruthy,
  LayoutTag,
  Output,
  Tag,
  toValue,
  toValueSync,
  TypeGuards,
  type Filter,
  type Liquid,
  type Template,
  type Token,
  type Value,
} from 'liquidjs';

/**
 * A page template turned into plain functions, for the templates the built-in theme is made of:
 * text, output with filters, `if`/`elsif`/`else`, `for` without modifiers, `include` and `layout`
 * of a named template without arguments, `block`, comments. liquidjs renders the same templates
 * through generators (every value, tag and filter is a resumable step), which cost most of a
 * page's time (0.6-0.8 ms a page, measured); these closures do the same steps directly, with
 * liquidjs's own context, property reads, operators, filters and escaping, so what they make is
 * what liquidjs makes (tests render both). A template using anything else is not compiled, and
 * liquidjs renders it.
 */
export type CompiledTemplate = (context: Context) => string;

type Node = (context: Context, out: Out, blocks: Blocks) => void;
type Expr = (context: Context) => unknown;
/** The blocks of the page that has a layout, by name, that the layout's blocks show instead of their own. */
type Blocks = ReadonlyMap<string, readonly Node[]>;

interface Out {
  html: string;
}

/** Variables liquidjs defines itself (`forloop`, `block.super`), which the compiled code does not. */
const UNSUPPORTED_VARIABLES = new Set(['forloop', 'block', 'tablerowloop']);
const NO_BLOCKS: Blocks = new Map();

class Unsupported extends Error {}

/** Compiles a parsed page template, or returns undefined when it uses what this does not support or a partial fails. */
export function compileTemplate(liquid: Liquid, templates: Template[]): CompiledTemplate | undefined {
  try {
    const nodes = new Compiler(liquid).page(templates);
    return (context) => {
      const out: Out = { html: '' };
      run(nodes, context, out, NO_BLOCKS);
      return out.html;
    };
  } catch {
    // Unsupported, or a partial that does not parse or exist: liquidjs renders it, and reports that.
    return undefined;
  }
}

/** The context liquidjs's renderSync would make for these values. */
export function renderContext(liquid: Liquid, values: object): Context {
  return new Context(values, liquid.options, { sync: true }, { liquid });
}

function run(nodes: readonly Node[], context: Context, out: Out, blocks: Blocks): void {
  // liquidjs's time limit for one page (a runaway loop in an edited template stops the build).
  context.renderLimit.check(performance.now());
  for (const node of nodes) node(context, out, blocks);
}

class Compiler {
  /** Partials being compiled, innermost last: one that includes itself is left to liquidjs. */
  private readonly including: string[] = [];
  /** True while compiling what liquidjs renders to store a page's blocks, where a block is not written. */
  private storing = false;
  /** How many blocks deep the template being compiled is. */
  private inBlock = 0;

  constructor(private readonly liquid: Liquid) {}

  page(templates: Template[]): Node[] {
    const layoutAt = templates.findIndex((template) => template instanceof LayoutTag);
    if (layoutAt === -1) return this.nodes(templates);
    const layout = templates[layoutAt] as unknown as { file: unknown; args: { hash: object }; templates: Template[] };
    if (typeof layout.file !== 'string' || Object.keys(layout.args.hash).length > 0) throw new Unsupported();
    const before = this.nodes(templates.slice(0, layoutAt));
    // The page's blocks, and (liquidjs's anonymous block) whatever else it writes.
    const own = new Map<string, Node[]>();
    const rest: Template[] = [];
    for (const template of layout.templates) {
      if (!(template instanceof BlockTag)) {
        rest.push(template);
        continue;
      }
      // A second block of one name is the first one's block.super in liquidjs: not compiled.
      const name = (template as BlockTag & { block: string }).block;
      if (own.has(name)) throw new Unsupported();
      own.set(name, this.blockBody(template));
    }
    this.storing = true;
    const anonymous = this.nodes(rest);
    this.storing = false;
    const parent = this.partial(layout.file, 'layout');
    return [
      ...before,
      (context, out) => {
        // Rendered even where the page has a block of its own for it, as liquidjs does (its errors show).
        const html: Out = { html: '' };
        run(anonymous, context, html, NO_BLOCKS);
        const blocks: Blocks = own.has('') ? own : new Map([...own, ['', [(_, into) => void (into.html += html.html)]]]);
        context.push(Object.create(null));
        run(parent, context, out, blocks);
        context.pop();
      },
    ];
  }

  private nodes(templates: readonly Template[]): Node[] {
    return templates.map((template) => this.node(template));
  }

  private node(template: Template): Node {
    if (template instanceof Output) {
      const value = this.value((template as Output & { value: Value }).value);
      return (context, out) => {
        out.html += stringify(toValue(value(context)));
      };
    }
    if (template instanceof Tag) return this.tag(template);
    const text = (template as { str?: unknown }).str;
    if (typeof text !== 'string') throw new Unsupported();
    return (_, out) => {
      out.html += text;
    };
  }

  private tag(tag: Tag): Node {
    if (tag instanceof CommentTag || tag instanceof InlineCommentTag) return () => {};
    if (tag instanceof IfTag) {
      const { branches, elseTemplates } = tag as IfTag & { branches: Array<{ value: Value; templates: Template[] }>; elseTemplates?: Template[] };
      const compiled = branches.map((branch) => ({ test: this.value(branch.value), nodes: this.nodes(branch.templates) }));
      const otherwise = this.nodes(elseTemplates ?? []);
      return (context, out, blocks) => {
        for (const { test, nodes } of compiled) {
          if (isTruthy(toValue(test(context)), context)) return run(nodes, context, out, blocks);
        }
        run(otherwise, context, out, blocks);
      };
    }
    if (tag instanceof ForTag) {
      const loop = tag as ForTag & { variable: string; collection: Token; hash: { hash: object }; templates: Template[]; elseTemplates: Template[] };
      if (Object.keys(loop.hash.hash).length > 0) throw new Unsupported();
      const collection = this.token(loop.collection);
      const body = this.nodes(loop.templates);
      const otherwise = this.nodes(loop.elseTemplates);
      const { variable } = loop;
      return (context, out, blocks) => {
        const items = toEnumerable(collection(context));
        if (items.length === 0) return run(otherwise, context, out, blocks);
        // The scope liquidjs pushes: the loop variable and forloop (which a compiled template does not read).
        const scope: Record<string, unknown> = Object.create(null);
        scope.forloop = undefined;
        context.push(scope);
        for (const item of items) {
          scope[variable] = item;
          run(body, context, out, blocks);
        }
        context.pop();
      };
    }
    if (tag instanceof IncludeTag) {
      const include = tag as unknown as { file: unknown; hash: { hash: object }; withVar?: unknown };
      if (typeof include.file !== 'string' || include.withVar !== undefined || Object.keys(include.hash.hash).length > 0) throw new Unsupported();
      const nodes = this.partial(include.file, 'partial');
      // An included template's blocks show their own content: liquidjs clears the page's blocks for it.
      return (context, out) => {
        context.push(Object.create(null));
        run(nodes, context, out, NO_BLOCKS);
        context.pop();
      };
    }
    if (tag instanceof BlockTag) {
      if (this.storing || this.inBlock > 0) throw new Unsupported();
      const name = (tag as BlockTag & { block: string }).block;
      const own = this.blockBody(tag);
      return (context, out, blocks) => {
        context.push(Object.create(null));
        run(blocks.get(name) ?? own, context, out, NO_BLOCKS);
        context.pop();
      };
    }
    throw new Unsupported();
  }

  /** A block's own content; a block inside it (at any depth) is left to liquidjs, which looks the page's blocks up there. */
  private blockBody(block: BlockTag): Node[] {
    const templates = (block as BlockTag & { templates: Template[] }).templates;
    this.inBlock++;
    try {
      return this.nodes(templates);
    } finally {
      this.inBlock--;
    }
  }

  /** The nodes of a named layout or included template. */
  private partial(file: string, kind: 'partial' | 'layout'): Node[] {
    if (this.including.includes(file)) throw new Unsupported();
    const liquid = this.liquid as Liquid & {
      _parsePartialFile(file: string, sync: boolean, currentFile?: string): Generator<unknown, Template[]>;
      _parseLayoutFile(file: string, sync: boolean, currentFile?: string): Generator<unknown, Template[]>;
    };
    const templates = toValueSync(kind === 'partial' ? liquid._parsePartialFile(file, true) : liquid._parseLayoutFile(file, true)) as Template[];
    // A layout that has a layout of its own is left to liquidjs.
    if (templates.some((template) => template instanceof LayoutTag)) throw new Unsupported();
    this.including.push(file);
    try {
      return this.nodes(templates);
    } finally {
      this.including.pop();
    }
  }


  /** A value with its filters, the escape liquidjs adds to every output (`outputEscape`) included. */
  private value(value: Value): Expr {
    const initial = this.expression((value as Value & { initial: { postfix: Token[] } }).initial.postfix);
    const filters = value.filters.map((filter) => this.filter(filter));
    if (filters.length === 0) return initial;
    return (context) => {
      let result = initial(context);
      for (const filter of filters) result = filter(result, context);
      return result;
    };
  }

  private filter(filter: Filter): (value: unknown, context: Context) => unknown {
    const { handler, token, liquid } = filter as unknown as { handler: (...args: unknown[]) => unknown; token: Token; liquid: Liquid };
    const args = (filter.args as Array<Token | [string, Token]>).map((arg) => {
      if (!Array.isArray(arg)) return this.token(arg);
      const [key, token] = arg;
      const read = this.token(token);
      return (context: Context) => [key, read(context)];
    });
    return (value, context) => {
      const argv = args.map((arg) => arg(context));
      const result = handler.apply({ context, token, liquid }, [value, ...argv]);
      return isIterator(result) ? toValueSync(result) : result;
    };
  }

  /** An expression in liquidjs's postfix order: values, and the operators liquidjs applies to them. */
  private expression(postfix: readonly Token[]): Expr {
    const steps = postfix.map((token): ((stack: unknown[], context: Context) => void) => {
      if (!TypeGuards.isOperatorToken(token)) {
        const read = this.token(token);
        return (stack, context) => void stack.push(read(context));
      }
      const operator = token.operator;
      const apply = (this.liquid.options.operators as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>)[operator];
      if (!apply) throw new Unsupported();
      if (operator === 'not')
        return (stack, context) => {
          stack.push(settle(apply(stack.pop(), context)));
        };
      return (stack, context) => {
        const right = stack.pop();
        const left = stack.pop();
        stack.push(settle(apply(left, right, context)));
      };
    });
    if (steps.length === 1 && !TypeGuards.isOperatorToken(postfix[0])) return this.token(postfix[0]);
    return (context) => {
      const stack: unknown[] = [];
      for (const step of steps) step(stack, context);
      return stack[0];
    };
  }

  /** A value token: a literal, or a variable and its properties (liquidjs's evalToken). */
  private token(token: Token): Expr {
    if ('content' in token) {
      const content = (token as Token & { content: unknown }).content;
      return () => content;
    }
    if (!TypeGuards.isPropertyAccessToken(token) || token.variable) throw new Unsupported();
    const keys = token.props.map((prop) => {
      if ('content' in prop) return toValue((prop as Token & { content: unknown }).content);
      throw new Unsupported();
    });
    if (typeof keys[0] !== 'string' || UNSUPPORTED_VARIABLES.has(keys[0])) throw new Unsupported();
    const [first] = keys;
    return (context) => {
      let value: unknown = (context as unknown as { findScope(key: string): unknown }).findScope(first);
      for (const key of keys) value = context.readProperty(value as object, key as string);
      return value;
    };
  }
}

/** The result of an operator, which liquidjs writes as a generator. */
function settle(result: unknown): unknown {
  return isIterator(result) ? toValueSync(result) : result;
}

function isIterator(value: unknown): value is Generator {
  return typeof (value as Generator | undefined)?.next === 'function' && typeof (value as Generator).throw === 'function';
}

// liquidjs's own conversions that it does not export (toValue and isTruthy it does).
function stringify(value: unknown): string {
  value = toValue(value);
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => stringify(item)).join('');
  return String(value);
}

function toEnumerable(value: unknown): unknown[] {
  value = toValue(value);
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.length > 0 ? [value] : [];
  if (value !== null && typeof value === 'object') {
    if (typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function') return Array.from(value as Iterable<unknown>);
    return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  }
  return [];
}
