import type { BusinessType, MediaTag } from './domain';

export interface BusinessTypeInfo {
  id: BusinessType;
  nameZh: string;
  nameEn: string;
}

export const BUSINESS_TYPE_INFO: readonly BusinessTypeInfo[] = [
  { id: 'sticker', nameZh: '贴纸', nameEn: 'Stickers' },
  { id: 'bgm', nameZh: '背景音乐', nameEn: 'Background music' },
  { id: 'bgi', nameZh: '背景图片', nameEn: 'Background images' },
];

/** The 17 tags documented for ListPublicMediaBasicInfos, with their published names. */
export const DOCUMENTED_TAGS: readonly MediaTag[] = [
  { id: 'sticker-atmosphere', businessType: 'sticker', nameZh: '气氛', nameEn: 'Atmosphere' },
  { id: 'sticker-bubble', businessType: 'sticker', nameZh: '气泡', nameEn: 'Bubble' },
  { id: 'sticker-cute', businessType: 'sticker', nameZh: '可爱', nameEn: 'Cute' },
  { id: 'sticker-daily', businessType: 'sticker', nameZh: '日常', nameEn: 'Daily' },
  { id: 'sticker-expression', businessType: 'sticker', nameZh: '表情', nameEn: 'Expression' },
  { id: 'sticker-gif', businessType: 'sticker', nameZh: '动图', nameEn: 'GIF' },
  { id: 'bgm-romantic', businessType: 'bgm', nameZh: '浪漫', nameEn: 'Romantic' },
  { id: 'bgm-cuisine', businessType: 'bgm', nameZh: '美食', nameEn: 'Cuisine' },
  { id: 'bgm-chinese-style', businessType: 'bgm', nameZh: '国风', nameEn: 'Chinese style' },
  { id: 'bgm-upbeat', businessType: 'bgm', nameZh: '轻快', nameEn: 'Upbeat' },
  { id: 'bgm-dynamic', businessType: 'bgm', nameZh: '动感', nameEn: 'Dynamic' },
  { id: 'bgm-relaxing', businessType: 'bgm', nameZh: '舒缓', nameEn: 'Relaxing' },
  { id: 'bgm-quirky', businessType: 'bgm', nameZh: '搞怪', nameEn: 'Quirky' },
  { id: 'bgm-beauty', businessType: 'bgm', nameZh: '时尚/美妆', nameEn: 'Fashion & beauty' },
  { id: 'bgi-grad', businessType: 'bgi', nameZh: '渐变背景', nameEn: 'Gradient' },
  { id: 'bgi-solid', businessType: 'bgi', nameZh: '纯色背景', nameEn: 'Solid color' },
  { id: 'bgi-pic', businessType: 'bgi', nameZh: '图片背景', nameEn: 'Image' },
];

export function documentedTagsFor(businessType: BusinessType): MediaTag[] {
  return DOCUMENTED_TAGS.filter((t) => t.businessType === businessType);
}
