// The cheap check that lets a listing page skip zod's copy must never accept a page the schema
// would reject or change: every field of a valid page is set to every kind of value, and
// whatever the check accepts, the schema accepts unchanged.

import { describe, expect, it } from 'vitest';
import {
  isPlainListMediaResponse,
  listMediaResponseSchema,
} from '../../../../electron/services/ice/response-schemas';

const page = () => ({
  RequestId: 'r',
  TotalCount: 2,
  NextToken: 'n',
  PageNo: '1',
  PageSize: 10,
  MediaInfos: [
    {
      MediaId: 'a',
      MediaBasicInfo: { MediaId: 'a', Title: 't', CoverURL: 'https://cdn/a.png', CreateTime: 1 },
      FileInfoList: [{ FileBasicInfo: { FileName: 'a.png', FileSize: '12', Width: 4 } }],
    },
    { MediaId: 'b', MediaBasicInfo: {}, FileInfoList: null },
  ],
});

const KINDS: unknown[] = [undefined, null, 'x', 'null', 3, Number.NaN, true, {}, [], [{}]];

/** Every path to a field of the page, with a setter. */
function fieldSetters(): [string, (body: ReturnType<typeof page>, value: unknown) => void][] {
  type Any = Record<string, unknown>;
  const at =
    (path: (string | number)[]) =>
    (body: unknown, value: unknown): void => {
      let node = body as Any;
      for (const key of path.slice(0, -1)) node = node[key] as Any;
      node[path.at(-1)!] = value;
    };
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (path.length > 0) paths.push(path);
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    }
  };
  walk(page(), []);
  return paths.map((p) => [p.join('.'), at(p)]);
}

describe('isPlainListMediaResponse', () => {
  it('accepts a documented page as it is', () => {
    expect(isPlainListMediaResponse(page())).toBe(true);
    expect(isPlainListMediaResponse({ ...page(), Unknown: [1] })).toBe(true);
  });

  it('accepts only what the schema accepts unchanged, whatever kind a field holds', () => {
    let accepted = 0;
    let refused = 0;
    for (const [path, set] of fieldSetters()) {
      for (const kind of KINDS) {
        const body = page();
        set(body, kind);
        if (!isPlainListMediaResponse(body)) {
          refused++;
          continue;
        }
        accepted++;
        const parsed = listMediaResponseSchema.safeParse(body);
        expect(parsed.success, `${path} = ${JSON.stringify(kind)}`).toBe(true);
        expect(parsed.data, `${path} = ${JSON.stringify(kind)}`).toEqual(body);
      }
    }
    // Both answers were seen: the loop tested something.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it.each([null, '<html>', [], 'null', { MediaInfos: 'null' }, { MediaInfos: {} }])(
    'leaves %j to the schema',
    (body) => expect(isPlainListMediaResponse(body)).toBe(false),
  );
});
