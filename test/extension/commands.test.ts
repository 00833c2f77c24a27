// The command ids of the code and of package.json are the same set, and every menu names one of them.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { Command } from '../../src/extension/commands';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('command ids', () => {
  it('package.json contributes exactly the Command enum', () => {
    const contributed = (manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    assert.deepStrictEqual(contributed, Object.values(Command).sort());
  });
  it('menus name contributed commands only', () => {
    const ids = new Set<string>(Object.values(Command));
    const used = Object.values(manifest.contributes.menus as Record<string, Array<{ command: string }>>).flat().map((m) => m.command);
    assert.ok(used.length > 0);
    assert.deepStrictEqual(used.filter((id) => !ids.has(id)), []);
  });
});
