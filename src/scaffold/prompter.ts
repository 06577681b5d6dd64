/** The two kinds of question healthmd asks; the CLI passes @inquirer/prompts, tests pass scripted answers. */
export interface Prompter {
  input(question: { message: string; default?: string; required?: boolean; validate?: (value: string) => boolean | string }): Promise<string>;
  select(question: { message: string; choices: { value: string; name: string; description?: string }[]; default?: string }): Promise<string>;
}

/** Questions on the terminal. Loaded on demand: only `new` and `init` on a terminal need inquirer. */
export async function inquirerPrompter(): Promise<Prompter> {
  const { input, select } = await import('./inquirer-prompts.js');
  return { input: (question) => input(question), select: (question) => select(question) };
}

/** True for the error inquirer throws when the user presses Ctrl-C at a question. */
export function isPromptCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
