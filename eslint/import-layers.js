// Positive layering (as VS Code's `code-import-patterns`): each room of the tree lists what it MAY
// import, and everything else is an error. Relative imports are resolved and matched by room;
// bare imports by package name. A room's own files are always allowed.

import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Rooms, most specific first. `rooms` are folders (or single files, without extension) that files
 * in the room may import; `packages` are the npm packages and Node built-ins it may import.
 * The demo library is entered only through its index, never through its internals.
 */
export const LAYERS = [
  { room: 'shared', rooms: [], packages: ['zod'] },
  {
    room: 'renderer',
    rooms: ['shared'],
    packages: ['react', 'react-dom', 'zustand', '@tanstack/react-virtual'],
  },
  {
    room: 'electron/services',
    rooms: ['shared'],
    packages: [...NODE, 'got', 'keytar', 'mpg123-decoder', 'p-limit', 'pinyin-pro', 'zod'],
  },
  {
    room: 'electron/demo-library',
    rooms: ['shared'],
    packages: [...NODE, 'gifenc', 'p-limit'],
  },
  {
    room: 'electron/main',
    rooms: ['shared', 'electron/services', 'electron/demo-library/index'],
    packages: [...NODE, 'electron'],
  },
  { room: 'electron/preload', rooms: ['shared'], packages: ['electron'] },
  {
    room: 'electron/cli',
    rooms: ['shared', 'electron/services', 'electron/demo-library/index'],
    packages: [...NODE],
  },
  {
    room: 'electron/dev-browser',
    rooms: ['shared', 'electron/services', 'electron/demo-library/index'],
    packages: [...NODE, 'ws', 'esbuild'],
  },
];

const within = (file, folder) => file === folder || file.startsWith(`${folder}/`);

function roomOf(relFile) {
  return LAYERS.find((layer) => within(relFile, layer.room)) ?? null;
}

function packageName(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.startsWith('node:') ? spec : spec.split('/')[0];
}

/** Strips the extension and a trailing /index, so `x/index.ts`, `x/index` and `x` compare equal. */
function normalise(relPath) {
  return relPath.replace(/\.(ts|tsx|js|mjs|cjs)$/, '');
}

export const importLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each room of the tree imports only the rooms and packages it lists.' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const relFile = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = roomOf(relFile);
    if (layer === null) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = normalise(
          path
            .relative(root, path.resolve(path.dirname(context.filename), spec))
            .split(path.sep)
            .join('/'),
        );
        if (within(target, layer.room)) return;
        if (layer.rooms.some((room) => within(target, room))) return;
        context.report({
          node,
          message: `${layer.room}/ may import only ${[layer.room, ...layer.rooms].join(', ')}; not ${target}.`,
        });
        return;
      }
      const name = packageName(spec);
      if (layer.packages.includes(name)) return;
      context.report({
        node,
        message: `${layer.room}/ may not import the package "${name}" (allowed: ${layer.packages.filter((p) => !NODE.includes(p)).join(', ') || 'none'}${layer.packages.some((p) => NODE.includes(p)) ? ', Node built-ins' : ''}).`,
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'import-layers': importLayers } };
