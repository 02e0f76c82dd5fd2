import { readFile } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import { AcquireError, describeError } from './acquire-error.ts';

/**
 * The gops agent writes its TCP port, in decimal with no newline, to
 * `<config dir>/<pid>`. These are the places it may have chosen, in the order
 * gops itself looks, plus the legacy place older agents used.
 */
export interface GopsEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homeDir: string;
}

/**
 * The directories to look in for a port file. `GOPS_CONFIG_DIR`, when set,
 * is the only one (agent and CLI both use it exclusively). Otherwise Go's
 * os.UserConfigDir() + `gops`; on macOS also `~/.config/gops`, where gops
 * before v0.3.10 wrote even there; and `~/.config/gops` as gops's own fallback
 * when the user config dir cannot be determined.
 */
export function gopsConfigDirs({ env, platform, homeDir }: GopsEnvironment): string[] {
  const explicit = env.GOPS_CONFIG_DIR;
  if (explicit) return [explicit];
  const path = platform === 'win32' ? win32 : posix;
  const home = env.HOME || homeDir;
  const legacy = path.join(home, '.config', 'gops');
  const dirs: string[] = [];
  if (platform === 'win32') {
    if (env.APPDATA) dirs.push(path.join(env.APPDATA, 'gops'));
  } else if (platform === 'darwin') {
    dirs.push(path.join(home, 'Library', 'Application Support', 'gops'));
    if (env.XDG_CONFIG_HOME) dirs.push(path.join(env.XDG_CONFIG_HOME, 'gops'));
  } else if (env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)) {
    // Newer Go rejects a relative XDG_CONFIG_HOME, and gops then falls back to ~/.config/gops.
    dirs.push(path.join(env.XDG_CONFIG_HOME, 'gops'));
  }
  dirs.push(legacy);
  return [...new Set(dirs)];
}

export interface GopsPortFile {
  file: string;
  port: number;
}

/** The first port file for `pid` among `dirs`, or null when there is none. */
export async function findGopsPortFile(pid: number, dirs: string[], platform: NodeJS.Platform): Promise<GopsPortFile | null> {
  const path = platform === 'win32' ? win32 : posix;
  for (const dir of dirs) {
    const file = path.join(dir, String(pid));
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      throw new AcquireError('IO', `cannot read the gops port file ${file}: ${describeError(e)}`, { cause: e });
    }
    const port = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || port < 1 || port > 65535) {
      throw new AcquireError('NO_AGENT', `the gops port file ${file} does not hold a port number (it holds ${JSON.stringify(text.slice(0, 40))})`);
    }
    return { file, port };
  }
  return null;
}

/** `~/.config/gops` for a directory under the home directory: shorter, and what users recognise. */
export function tildePath(dir: string, homeDir: string): string {
  if (homeDir && (dir === homeDir || dir.startsWith(`${homeDir}/`) || dir.startsWith(`${homeDir}\\`))) return `~${dir.slice(homeDir.length)}`;
  return dir;
}
