// The layering rule, run through ESLint with the project's own configuration: each room may import
// only what it lists, and the demo library is entered through its index only.

import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'layers/import-layers')
    .map((m) => m.message);
}

describe('import layers', () => {
  // ESLint's first lint loads the configuration, its plugins and TypeScript's view of the
  // project (26 s on a loaded machine): paid once here, with an upper bound that allows it,
  // rather than inside whichever case runs first under the per-test limit.
  beforeAll(async () => {
    await layerErrors('electron/services/x.ts', 'export const a = 1;\n');
  }, 120_000);

  it.each([
    ['electron/services/x.ts', "import { a } from '../main/window';\nexport { a };"],
    ['electron/services/x.ts', "import { a } from '../cli/args';\nexport { a };"],
    ['electron/services/x.ts', "import { a } from '../dev-browser/main';\nexport { a };"],
    ['electron/services/x.ts', "import { a } from '../demo-library/index';\nexport { a };"],
    ['electron/cli/x.ts', "import { a } from '../demo-library/media/png';\nexport { a };"],
    [
      'electron/demo-library/x.ts',
      "import { a } from '../services/ice/ice-client';\nexport { a };",
    ],
    ['shared/x.ts', "import { a } from '../electron/services/ice/endpoint';\nexport { a };"],
    [
      'renderer/src/x.ts',
      "import { a } from '../../electron/services/ice/endpoint';\nexport { a };",
    ],
    ['electron/services/x.ts', "import { a } from 'ws';\nexport { a };"],
  ])('%s may not import %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['electron/cli/x.ts', "import { a } from '../demo-library/index';\nexport { a };"],
    ['electron/main/x.ts', "import { a } from '../services/main-services';\nexport { a };"],
    ['electron/services/x.ts', "import { a } from '../../shared/errors';\nexport { a };"],
    ['electron/demo-library/x.ts', "import { a } from './media/png';\nexport { a };"],
    ['renderer/src/x.ts', "import { a } from '../../shared/errors';\nexport { a };"],
  ])('%s may import %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
