import { describe, expect, it } from 'vitest';
import { LibraryService } from '../../../../electron/services/library/library-service';
import type { ActiveLibrary } from '../../../../electron/services/library/library-service';
import { LibrarySources } from '../../../../electron/services/library/library-sources';
import type { IceLibraryApi } from '../../../../electron/services/ice/ice-api';
import type { MediaPage } from '../../../../shared/domain';
import type { AccountService } from '../../../../electron/services/account/account-service';
import type { SettingsStore } from '../../../../electron/services/settings/settings-store';

function fakeApi(label: string) {
  const calls: string[] = [];
  let closed = 0;
  const page = (requestId: string): MediaPage => ({
    items: [],
    totalCount: 0,
    nextToken: null,
    pageNo: 1,
    pageSize: 10,
    requestId,
  });
  const api: IceLibraryApi = {
    async listPublicMediaBasicInfos(query) {
      calls.push(`list ${query.businessType} files=${query.includeFileBasicInfo}`);
      return page(label);
    },
    async listAllPublicMediaTags() {
      return [];
    },
    async getPublicMediaInfo() {
      throw new Error('not used');
    },
    close() {
      closed += 1;
    },
  };
  return { api, calls, closed: () => closed };
}

const demoSource = { kind: 'demo', endpoint: '127.0.0.1:1' } as const;

describe('LibraryService', () => {
  it('answers requests made while the library is still starting, once it is ready', async () => {
    const demo = fakeApi('demo');
    let ready!: (library: ActiveLibrary) => void;
    const service = new LibraryService(new Promise((resolve) => (ready = resolve)));
    const pending = service.listMedia({ businessType: 'bgm', pageNo: 1, pageSize: 10 });
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);

    ready({ source: demoSource, api: demo.api });
    expect((await pending).requestId).toBe('demo');
    expect(demo.calls).toEqual(['list bgm files=true']);
    expect(await service.source()).toEqual(demoSource);
  });

  it('switches at once and closes the previous client when it has started', async () => {
    const demo = fakeApi('demo');
    const account = fakeApi('account');
    let ready!: (library: ActiveLibrary) => void;
    const service = new LibraryService(new Promise((resolve) => (ready = resolve)));
    service.use({ source: { kind: 'account', endpoint: 'x' }, api: account.api });
    const page = await service.listMedia({ businessType: 'sticker', pageNo: 1, pageSize: 10 });
    expect(page.requestId).toBe('account');

    ready({ source: demoSource, api: demo.api });
    await new Promise((r) => setTimeout(r, 0));
    expect(demo.closed()).toBe(1);
    expect(account.closed()).toBe(0);
    await service.close();
    expect(account.closed()).toBe(1);
  });

  it('reports a failed start to every request, without an unhandled rejection', async () => {
    const service = new LibraryService(Promise.reject(new Error('boom')));
    await expect(service.listTags('bgm')).rejects.toThrow('boom');
    await expect(service.source()).rejects.toThrow('boom');
  });
});

describe('LibrarySources.demo', () => {
  const unused = {} as AccountService & SettingsStore;
  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EACCES', 'INTERNAL'],
  ])('turns a demo server that could not start (%s) into %s', async (errno, code) => {
    const failure = Object.assign(new Error(`${errno}: cannot write`), { code: errno });
    const sources = new LibrarySources({
      demoServer: Promise.reject(failure),
      account: unused,
      settings: unused,
    });
    await expect(sources.demo()).rejects.toMatchObject({ code });
  });
});
