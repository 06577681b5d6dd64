// Every page a test renders in this process with a compiled template is rendered again by liquidjs
// itself, and the test fails where the two differ: the compiled templates must make what liquidjs
// makes, on every page of every fixture.
import { TemplateEngine } from '../../src/render/template-engine.js';

const render = TemplateEngine.prototype.render;

TemplateEngine.prototype.render = function compared(this: TemplateEngine, name: string, context: object): string {
  const html = render.call(this, name, context);
  if (!this.isCompiled(name)) return html;
  const expected = this.renderWithLiquid(name, context);
  if (html !== expected) {
    let at = 0;
    while (html[at] === expected[at]) at++;
    throw new Error(`the compiled template ${name} differs from liquidjs at ${at}: ${JSON.stringify(html.slice(Math.max(0, at - 40), at + 40))} against ${JSON.stringify(expected.slice(Math.max(0, at - 40), at + 40))}`);
  }
  return html;
};
