import { spawnSync } from 'node:child_process';

/**
 * Opens a file in the user's editor ($VISUAL, else $EDITOR) and waits for it to close, the way git
 * does: the variable may hold a command with arguments (`code --wait`), so it runs through the shell,
 * with the file passed as an argument rather than pasted into the command line.
 * Returns why it could not, or undefined when the editor ran and exited cleanly.
 */
export function openInEditor(file: string, env: NodeJS.ProcessEnv): string | undefined {
  const editor = env.VISUAL?.trim() || env.EDITOR?.trim();
  if (!editor) return 'set $VISUAL or $EDITOR to open new articles in your editor';
  const result =
    process.platform === 'win32'
      ? spawnSync(`${editor} "${file}"`, { stdio: 'inherit', shell: true, env })
      : spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit', env });
  if (result.error) return `could not start the editor '${editor}' (${result.error.message})`;
  if (result.status !== 0) return `the editor '${editor}' exited with ${result.signal ?? `code ${result.status}`}`;
  return undefined;
}
