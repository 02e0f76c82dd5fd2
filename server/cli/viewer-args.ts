/** Flags of the viewer command, parsed from argv. */
export interface ViewerArgs {
  target?: string;
  http?: string;
  open: boolean;
  pid?: number;
  seconds: number;
  cpu: boolean;
  out?: string;
  rest: string[];
}

export function parseViewerArgs(argv: string[]): ViewerArgs {
  const a: ViewerArgs = { open: true, seconds: 5, cpu: true, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? (arg.split('=', 2) as [string, string | undefined]) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--http':
        a.http = value();
        break;
      case '--no-open':
        a.open = false;
        break;
      case '--pid':
        a.pid = Number(value());
        if (!Number.isInteger(a.pid) || a.pid <= 0) throw new UsageError(`--pid wants a process id, got "${inline ?? argv[i]}"`);
        break;
      case '--seconds':
        a.seconds = Number(value());
        if (!(a.seconds > 0)) throw new UsageError(`--seconds wants a positive number`);
        break;
      case '--no-cpu':
        a.cpu = false;
        break;
      case '--out':
        a.out = value();
        break;
      default:
        // After "test", everything belongs to go test.
        if (a.target === 'test') {
          a.rest.push(arg);
          break;
        }
        if (arg.startsWith('--')) throw new UsageError(`unknown flag ${arg} (see --help)`);
        if (a.target === undefined) a.target = arg;
        else a.rest.push(arg);
    }
  }
  return a;
}

export class UsageError extends Error {}

/** Does the command-line target name a live program (http://…, host:port) rather than a file? */
export function isLiveTarget(target: string): boolean {
  return /^https?:\/\//.test(target) || /^[\w.-]*:\d+(\/.*)?$/.test(target);
}
