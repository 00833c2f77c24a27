// Command-line arguments: `agent-xray scan [PATH...] [options]`, `agent-xray list`.

export type Format = 'text' | 'json' | 'sarif';
export type FailOn = 'untrusted' | 'review' | 'unscannable' | 'sends' | 'never';

export interface CliOptions {
  command: 'scan' | 'list' | 'diff' | 'help' | 'version';
  paths: string[];
  /** Workspace folders for discovery (default: the current folder). */
  workspaces: string[];
  /** A team policy file: its violations decide the exit code. */
  policy?: string;
  format: Format;
  output?: string;
  failOn: FailOn;
  cache: boolean;
  verbose: boolean;
  /** Engine threads (default: the cores, at most 2). */
  threads?: number;
}

export class UsageError extends Error {}

export const USAGE = `Usage: agent-xray scan [PATH...] [options]
       agent-xray list [options]
       agent-xray diff OLD NEW [--format text|json]

scan   Scans for covert environment fingerprinting. Without PATHs it first
       finds the agents on this machine and in the workspace (VS Code family
       extensions, CLIs on PATH and in global package folders, native
       installers, workspace dependencies and MCP servers). A PATH is a file
       (script, executable, .vsix) or a folder (every JS file and executable
       below it; a package when it has a package.json).
list   Only finds the agents and lists them, with where each was found.
       Nothing found is ever run.
diff   Compares two versions of one agent (files, packages or executables):
       fingerprint sources, comparisons, concealed tables and channels added
       or removed.

Options:
  --format text|json|sarif    output format (default: text)
  --output FILE               write the report to FILE instead of stdout
  --fail-on untrusted|review|unscannable|sends|never
                              exit 1 when a target is at least this bad (default: untrusted);
                              sends: also when an agent sends an environment fact visibly
  --no-cache                  do not read or write the result cache
  --threads N                 files scanned at once, each on its own thread (default: the
                              cores, at most 2; a file over 8 MB always runs alone)
  --verbose                   show low-severity findings and skipped places in text output
  --workspace DIR             workspace folder to look into when discovering (repeatable;
                              default: the current folder)
  --policy FILE               judge against a team policy (.agent-xray.json); exit 1 on a
                              violation. Without PATHs, only the policy's workspace is
                              discovered (its dependencies, .bin and MCP servers)
  -h, --help                  show this help
  --version                   show the version

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage or I/O error,
130 cancelled (Ctrl-C; results of files already scanned stay cached).
`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new UsageError(`${flag} needs a value: ${allowed.join(', ')}`);
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { command: 'help', paths: [], workspaces: [], format: 'text', failOn: 'untrusted', cache: true, verbose: false };
  const args = [...argv];
  const first = args.shift();
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return o;
  if (first === '--version' || first === '-v') return { ...o, command: 'version' };
  if (first !== 'scan' && first !== 'list' && first !== 'diff') throw new UsageError(`unknown command "${first}"`);
  o.command = first;
  while (args.length) {
    const a = args.shift()!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args.shift();
    switch (flag) {
      case '--format': o.format = oneOf(flag, value(), ['text', 'json', 'sarif'] as const); break;
      case '--fail-on': o.failOn = oneOf(flag, value(), ['untrusted', 'review', 'unscannable', 'sends', 'never'] as const); break;
      case '--output': case '-o': {
        const v = value();
        if (!v) throw new UsageError('--output needs a file name');
        o.output = v;
        break;
      }
      case '--no-cache': o.cache = false; break;
      case '--threads': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--threads needs a whole number from 1 to 64');
        o.threads = n;
        break;
      }
      case '--policy': {
        const v = value();
        if (!v) throw new UsageError('--policy needs a file (.agent-xray.json)');
        o.policy = v;
        break;
      }
      case '--workspace': {
        const v = value();
        if (!v) throw new UsageError('--workspace needs a folder');
        o.workspaces.push(v);
        break;
      }
      case '--verbose': o.verbose = true; break;
      case '-h': case '--help': return { ...o, command: 'help' };
      case '--': o.paths.push(...args.splice(0)); break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
        o.paths.push(a);
    }
  }
  if (o.command === 'diff' && o.paths.length !== 2) throw new UsageError('diff needs two paths: OLD NEW');
  if (o.command === 'diff' && o.format === 'sarif') throw new UsageError('diff supports --format text or json');
  if (o.command === 'list' && o.paths.length) throw new UsageError('list takes no PATH; use --workspace DIR for workspace folders');
  if (o.command === 'list' && o.format === 'sarif') throw new UsageError('list supports --format text or json');
  return o;
}
