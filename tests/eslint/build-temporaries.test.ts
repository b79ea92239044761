// The build writes a temporary file into the project while lint and prettier read it in the lane
// beside (npm test runs them at once); both must skip it, or a file that vanishes between their
// listing and their reading fails the run.

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The name electron-vite gives its bundled config while loading it (seen in a failed run).
const configBundle = 'electron.vite.config.ts.1796108340022-dd603bfe41f8b.mjs';

describe("the build's temporary config bundle", () => {
  it('is ignored by ESLint', async () => {
    const eslint = new ESLint({ cwd: root });
    expect(await eslint.isPathIgnored(join(root, configBundle))).toBe(true);
    // The config itself is still linted.
    expect(await eslint.isPathIgnored(join(root, 'electron.vite.config.ts'))).toBe(false);
  });

  it('is ignored by Prettier', async () => {
    const ignorePath = join(root, '.prettierignore');
    const info = await prettier.getFileInfo(join(root, configBundle), { ignorePath });
    expect(info.ignored).toBe(true);
    const config = await prettier.getFileInfo(join(root, 'electron.vite.config.ts'), {
      ignorePath,
    });
    expect(config.ignored).toBe(false);
  });
});
