import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGopsPortFile, gopsConfigDirs, tildePath } from '../../server/cli/acquire/gops-port-file.ts';

describe('where the gops agent writes its port file', () => {
  it('GOPS_CONFIG_DIR is the only place when set', () => {
    expect(gopsConfigDirs({ env: { GOPS_CONFIG_DIR: '/x/gops', HOME: '/home/u' }, platform: 'linux', homeDir: '/home/u' })).toEqual(['/x/gops']);
  });

  it('Linux: $XDG_CONFIG_HOME/gops when absolute, and ~/.config/gops', () => {
    expect(gopsConfigDirs({ env: { HOME: '/home/u' }, platform: 'linux', homeDir: '/home/u' })).toEqual(['/home/u/.config/gops']);
    expect(gopsConfigDirs({ env: { HOME: '/home/u', XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', homeDir: '/home/u' })).toEqual([
      '/cfg/gops',
      '/home/u/.config/gops',
    ]);
    // Newer Go rejects a relative XDG_CONFIG_HOME; gops then falls back to ~/.config/gops.
    expect(gopsConfigDirs({ env: { HOME: '/home/u', XDG_CONFIG_HOME: 'rel' }, platform: 'linux', homeDir: '/home/u' })).toEqual(['/home/u/.config/gops']);
  });

  it('macOS: Application Support first, then the ~/.config/gops of gops before v0.3.10', () => {
    expect(gopsConfigDirs({ env: { HOME: '/Users/u' }, platform: 'darwin', homeDir: '/Users/u' })).toEqual([
      '/Users/u/Library/Application Support/gops',
      '/Users/u/.config/gops',
    ]);
  });

  it('Windows: %AppData%\\gops', () => {
    expect(gopsConfigDirs({ env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, platform: 'win32', homeDir: 'C:\\Users\\u' })).toEqual([
      'C:\\Users\\u\\AppData\\Roaming\\gops',
      'C:\\Users\\u\\.config\\gops',
    ]);
  });

  it('finds the first port file among the dirs and reads the decimal port', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gtv-gops-dirs-'));
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'b', '4242'), '38123');
    expect(await findGopsPortFile(4242, [join(root, 'a'), join(root, 'b')], 'linux')).toEqual({ file: join(root, 'b', '4242'), port: 38123 });
    expect(await findGopsPortFile(4243, [join(root, 'a'), join(root, 'b')], 'linux')).toBeNull();
    writeFileSync(join(root, 'b', '4244'), 'garbage');
    await expect(findGopsPortFile(4244, [join(root, 'b')], 'linux')).rejects.toMatchObject({ code: 'NO_AGENT' });
  });

  it('paths under the home directory are shown with ~', () => {
    expect(tildePath('/home/u/.config/gops', '/home/u')).toBe('~/.config/gops');
    expect(tildePath('/home/user2/x', '/home/u')).toBe('/home/user2/x');
  });
});
