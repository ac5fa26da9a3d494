/** The one `.xxgkrc.json` lookup of the editor and the command line: the file's folder, else the nearest above. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ConfigFiles, findUpward } from '../../server/src/config/lookup';

const root = join('/', 'w');
const files = new Map<string, string>([[join(root, '.xxgkrc.json'), 'top'], [join(root, 'a', 'b', '.xxgkrc.json'), 'ab']]);

test('the nearest folder holding a config file wins; none above the root', () => {
  const reads: string[] = [];
  const lookup = new ConfigFiles((path) => {
    reads.push(path);
    return files.get(path);
  });
  assert.equal(lookup.nearest(join(root, 'a', 'b', 'c')), 'ab');
  assert.equal(lookup.nearest(join(root, 'a')), 'top');
  assert.equal(lookup.nearest(join('/', 'elsewhere')), null);
  assert.equal(lookup.in(join(root, 'a')), null, 'a folder without one');
  const before = reads.length;
  assert.equal(lookup.nearest(join(root, 'a', 'b', 'c')), 'ab');
  assert.equal(reads.length, before, 'each folder is read once');
  files.set(join(root, 'a', 'b', 'c', '.xxgkrc.json'), 'abc');
  assert.equal(lookup.nearest(join(root, 'a', 'b', 'c')), 'ab', 'cached until cleared');
  lookup.clear();
  assert.equal(lookup.nearest(join(root, 'a', 'b', 'c')), 'abc');
});

test('findUpward stops at the first answer and visits each folder up to the root once', () => {
  const seen: string[] = [];
  assert.equal(findUpward(join(root, 'x', 'y'), (d) => { seen.push(d); return undefined; }), undefined);
  assert.deepEqual(seen, [join(root, 'x', 'y'), join(root, 'x'), root, '/']);
  assert.equal(findUpward(join(root, 'x', 'y'), (d) => (d === join(root, 'x') ? 'here' : undefined)), 'here');
});
