// The public-library actions (the favourite ones in favourite-actions.ts) and the dispatcher. Handlers validate every parameter
// (throwing ApiError for the 4xx bodies) and return plain JSON-ready objects (the list's entries
// as JsonText, written beforehand).

import { BUSINESS_TYPES } from '../../../shared/domain';
import { DOCUMENTED_TAGS } from '../../../shared/tags';
import type { Catalogue } from '../catalogue';
import { ApiError, invalidParameter } from './errors';
import {
  addFavoritePublicMedia,
  cancelFavoritePublicMedia,
  searchPublicMediaInfo,
} from './favourite-actions';
import type { FavouriteBook } from './favourite-actions';
import { fileBasicInfo, mediaBasicInfo, mediaInfoJson } from './media-json';
import type { UrlIssuer } from './media-json';
import type { NextTokenCodec } from './next-token';
import { boolParam, enumParam, intParam } from './params';
import type { Params } from './params';

export interface ActionContext {
  catalogue: Catalogue;
  tokens: NextTokenCodec;
  urls: UrlIssuer;
  requestId: string;
  /** The AccessKey id that signed the request; null for an anonymous one. */
  accessKeyId: string | null;
  /** Each account's favourites (the favourite actions). */
  favourites: FavouriteBook;
}

export type ActionBody = Record<string, unknown>;

export const API_VERSION = '2020-11-09';

function listPublicMediaBasicInfos(params: Params, ctx: ActionContext): ActionBody {
  const businessType = enumParam(params, 'BusinessType', BUSINESS_TYPES);
  const tagId = params.get('MediaTagId') || undefined;
  if (tagId !== undefined && tagId.length > 64) throw invalidParameter('MediaTagId');
  const includeFiles = boolParam(params, 'IncludeFileBasicInfo');
  const maxResults = intParam(params, 'MaxResults', { min: 1, max: 100, fallback: 10 });
  const pageNo = intParam(params, 'PageNo', { min: 1, max: 1_000_000, fallback: 1 });
  const pageSize = intParam(params, 'PageSize', { min: 1, max: 100, fallback: 10 });
  const token = params.get('NextToken') ?? '';
  const scope = `${businessType ?? ''}|${tagId ?? ''}`;

  let offset: number;
  let limit: number;
  if (token !== '') {
    const decoded = ctx.tokens.decode(token, scope);
    if (decoded === null) throw invalidParameter('NextToken');
    offset = decoded;
    limit = maxResults;
  } else if (params.has('MaxResults') && !params.has('PageNo') && !params.has('PageSize')) {
    offset = 0;
    limit = maxResults;
  } else {
    offset = (pageNo - 1) * pageSize;
    limit = pageSize;
  }

  const selected = ctx.catalogue.select({ businessType, tagId });
  const page = selected.slice(offset, offset + limit);
  const next = offset + limit < selected.length ? ctx.tokens.encode(offset + limit, scope) : '';
  return {
    RequestId: ctx.requestId,
    TotalCount: selected.length,
    MediaInfos: page.map((item) => mediaInfoJson(item, ctx.urls, includeFiles)),
    NextToken: next,
    MaxResults: limit,
  };
}

function listAllPublicMediaTags(params: Params, ctx: ActionContext): ActionBody {
  const businessType = enumParam(params, 'BusinessType', BUSINESS_TYPES);
  return {
    RequestId: ctx.requestId,
    MediaTagList: DOCUMENTED_TAGS.filter(
      (t) => !businessType || t.businessType === businessType,
    ).map((t) => ({
      MediaTagId: t.id,
      MediaTagNameChinese: t.nameZh,
      MediaTagNameEnglish: t.nameEn,
      Options: [],
    })),
  };
}

function getPublicMediaInfo(params: Params, ctx: ActionContext): ActionBody {
  const mediaId = params.get('MediaId');
  if (!mediaId)
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "MediaId" that is mandatory for processing this request is not supplied.',
    );
  const item = ctx.catalogue.byId(mediaId);
  if (!item)
    throw new ApiError(
      404,
      'NotFound',
      `The specified media "${mediaId.slice(0, 64)}" does not exist.`,
    );
  const file = fileBasicInfo(item.file, ctx.urls);
  const basic = mediaBasicInfo(item, ctx.urls);
  // Music gets an audition (listen) URL; images a preview of their cover.
  const preview =
    item.businessType === 'bgm' ? { AuditionUrl: file.FileUrl } : { PreviewUrl: basic.CoverURL };
  return {
    RequestId: ctx.requestId,
    MediaInfo: {
      MediaId: item.mediaId,
      MediaBasicInfo: basic,
      FileInfoList: [{ FileBasicInfo: file }],
      DynamicMetaData: { Type: 'system', Data: JSON.stringify(preview) },
    },
  };
}

const ACTIONS: Record<string, (params: Params, ctx: ActionContext) => ActionBody> = {
  ListPublicMediaBasicInfos: listPublicMediaBasicInfos,
  ListAllPublicMediaTags: listAllPublicMediaTags,
  GetPublicMediaInfo: getPublicMediaInfo,
  AddFavoritePublicMedia: addFavoritePublicMedia,
  CancelFavoritePublicMedia: cancelFavoritePublicMedia,
  SearchPublicMediaInfo: searchPublicMediaInfo,
};

/** Runs an action; throws ApiError for every client-visible failure. */
export function runAction(
  action: string | null,
  version: string | null,
  params: Params,
  ctx: ActionContext,
): ActionBody {
  if (!action)
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "Action" that is mandatory for processing this request is not supplied.',
    );
  const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!handler)
    throw new ApiError(
      400,
      'InvalidAction.NotFound',
      `Specified api "${action.slice(0, 64)}" is not found, please check your url and method.`,
    );
  if (version !== null && version !== API_VERSION) {
    throw new ApiError(
      400,
      'InvalidVersion',
      `Specified parameter Version "${version.slice(0, 32)}" is not valid.`,
    );
  }
  return handler(params, ctx);
}

/** A 200 body that is not the documented shape, for the wrongShape fault. */
export function breakShape(body: ActionBody): unknown {
  if ('MediaInfos' in body) return { ...body, MediaInfos: 'unexpected' };
  if ('MediaTagList' in body) return { ...body, MediaTagList: 'unexpected' };
  if ('MediaInfo' in body) return { ...body, MediaInfo: 'unexpected' };
  if ('PublicMediaInfos' in body) return { ...body, PublicMediaInfos: 'unexpected' };
  if ('IgnoredList' in body) return { ...body, IgnoredList: 'unexpected' };
  return [body];
}
