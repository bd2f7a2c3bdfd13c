/**
 * The flags a command's `--help` lists, each with the whole text yargs prints for it (help,
 * type, default), continuation lines joined: what a user reads, so two commands that
 * describe one flag differently show up as two different texts.
 */
import { runCli } from './cli.js';

/** Every command and subcommand of the CLI, as typed after `bench`. */
export const COMMANDS = [
  ['run'],
  ['study', 'size'],
  ['study', 'workers'],
  ['study', 'payload'],
  ['ab'],
  ['http'],
  ['list'],
  ['report'],
  ['compare'],
  ['baseline'],
  ['merge'],
  ['history'],
  ['runtimes'],
  ['init'],
] as const;

/** yargs' own flags, the same everywhere by construction. */
const BUILT_IN = new Set(['help', 'version']);

// `  -c, --connections   concurrent …` or `      --health-probe, --mixed  probe …`
const FLAG_LINE = /^\s+(?:-\w, )?--([\w-]+)(?:, (?:-\w|--[\w-]+))*\s{2,}(.*)$/;

export async function helpFlags(command: readonly string[]): Promise<Map<string, string>> {
  const { code, stdout, stderr } = await runCli([...command, '--help']);
  if (code !== 0) throw new Error(`bench ${command.join(' ')} --help exited ${code}: ${stderr}`);
  const options = stdout.slice(stdout.indexOf('Options:'));
  const found = new Map<string, string>();
  let current: string | undefined;
  for (const line of options.split('\n').slice(1)) {
    const match = FLAG_LINE.exec(line);
    if (match) {
      current = match[1]!;
      found.set(current, match[2]!.trim());
    } else if (current !== undefined && line.trim() !== '') {
      found.set(current, `${found.get(current)} ${line.trim()}`);
    }
  }
  for (const name of BUILT_IN) found.delete(name);
  // yargs pads the type and default to the terminal's width: the padding is layout, not meaning.
  for (const [flag, text] of found) found.set(flag, text.replace(/\s+/g, ' '));
  return found;
}
