// The account-bound favourite actions of the public library: AddFavoritePublicMedia,
// CancelFavoritePublicMedia and SearchPublicMediaInfo, with the request and answer shapes of
// Alibaba's official SDK (aliyun/alibabacloud-typescript-sdk, ice-20201109/src/models/). Each
// account (AccessKey id) has its own favourites, kept in memory for the server's life. Like the
// real service, they answer only signed requests: an anonymous call is refused as a request
// without an AccessKeyId.

import { ApiError, invalidParameter } from './errors';
import type { ActionBody, ActionContext } from './actions';
import { mediaBasicInfo } from './media-json';
import { boolParam, intParam } from './params';
import type { Params } from './params';

/** Favourites per AccessKey id, most recently added first. */
export type FavouriteBook = Map<string, string[]>;

function accountOf(ctx: ActionContext): string {
  if (ctx.accessKeyId === null) {
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "AccessKeyId" that is mandatory for processing this request is not supplied.',
    );
  }
  return ctx.accessKeyId;
}

function mediaIdsParam(params: Params, required: boolean): string[] {
  const raw = params.get('MediaIds');
  if (raw === undefined || raw.trim() === '') {
    if (!required) return [];
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "MediaIds" that is mandatory for processing this request is not supplied.',
    );
  }
  const ids = raw.split(',').map((id) => id.trim());
  if (ids.some((id) => id === '' || id.length > 128)) throw invalidParameter('MediaIds');
  return [...new Set(ids)];
}

export function addFavoritePublicMedia(params: Params, ctx: ActionContext): ActionBody {
  const account = accountOf(ctx);
  const ids = mediaIdsParam(params, true);
  const current = ctx.favourites.get(account) ?? [];
  const ignored: string[] = [];
  const added: string[] = [];
  for (const id of ids) {
    // Only media of the public library can be favourited; anything else is ignored.
    if (!ctx.catalogue.byId(id)) ignored.push(id);
    else if (!current.includes(id)) added.push(id);
  }
  ctx.favourites.set(account, [...added.reverse(), ...current]);
  return { RequestId: ctx.requestId, IgnoredList: ignored };
}

export function cancelFavoritePublicMedia(params: Params, ctx: ActionContext): ActionBody {
  const account = accountOf(ctx);
  const ids = new Set(mediaIdsParam(params, true));
  const current = ctx.favourites.get(account) ?? [];
  const ignored = [...ids].filter((id) => !current.includes(id));
  ctx.favourites.set(
    account,
    current.filter((id) => !ids.has(id)),
  );
  return { RequestId: ctx.requestId, IgnoredList: ignored };
}

export function searchPublicMediaInfo(params: Params, ctx: ActionContext): ActionBody {
  const account = accountOf(ctx);
  const favourite = params.has('Favorite') ? boolParam(params, 'Favorite') : null;
  const authorized = params.has('Authorized') ? boolParam(params, 'Authorized') : null;
  const mediaIds = mediaIdsParam(params, false);
  const pageNo = intParam(params, 'PageNo', { min: 1, max: 1_000_000, fallback: 1 });
  const pageSize = intParam(params, 'PageSize', { min: 1, max: 50, fallback: 10 });
  const favourites = ctx.favourites.get(account) ?? [];
  const favouriteSet = new Set(favourites);

  // Favourites come in the order they were added (newest first); the rest in catalogue order.
  let candidates =
    favourite === true
      ? favourites.flatMap((id) => {
          const item = ctx.catalogue.byId(id);
          return item ? [item] : [];
        })
      : ctx.catalogue.items.filter((item) => favourite === null || !favouriteSet.has(item.mediaId));
  if (mediaIds.length > 0) {
    const wanted = new Set(mediaIds);
    candidates = candidates.filter((item) => wanted.has(item.mediaId));
  }
  // No resource plan covers anything in the demo library.
  if (authorized === true) candidates = [];

  const page = candidates.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  return {
    RequestId: ctx.requestId,
    TotalCount: candidates.length,
    PublicMediaInfos: page.map((item) => ({
      Authorized: false,
      Favorite: favouriteSet.has(item.mediaId),
      RemainingAuthTime: '0',
      MediaInfo: {
        MediaId: item.mediaId,
        MediaBasicInfo: mediaBasicInfo(item, ctx.urls),
      },
    })),
  };
}
