// The built-in demo library: every item, its bilingual title and the recipe that generates its
// media. Order here is listing order (newest first). Every documented tag has at least three
// items; a few items carry two tags, as real assets can.

import type { BusinessType } from '../../shared/domain';
import type { SceneId } from './media/backgrounds';
import type { Mood } from './media/music';
import type { StickerDesignId } from './media/sticker-designs';

export type MediaRecipe =
  | { kind: 'sticker'; design: StickerDesignId; size: number }
  | { kind: 'gif'; design: StickerDesignId; size: number; frames: number; delayMs: number }
  | { kind: 'music'; mood: Mood; variant: number; sampleRate: 22050 | 44100 }
  | { kind: 'scene'; scene: SceneId; seed: number }
  | { kind: 'solid'; color: string };

export interface DemoItemSpec {
  slug: string;
  title: string;
  description: string;
  businessType: BusinessType;
  tags: string[];
  recipe: MediaRecipe;
}

const sticker = (
  slug: string,
  title: string,
  tags: string[],
  design: StickerDesignId,
  size: number,
): DemoItemSpec => ({
  slug,
  title,
  description: `${title} — 贴纸 sticker (PNG, transparent)`,
  businessType: 'sticker',
  tags,
  recipe: { kind: 'sticker', design, size },
});

const gif = (
  slug: string,
  title: string,
  tags: string[],
  design: StickerDesignId,
  frames: number,
  delayMs: number,
): DemoItemSpec => ({
  slug,
  title,
  description: `${title} — 动图 animated sticker (GIF)`,
  businessType: 'sticker',
  tags,
  recipe: { kind: 'gif', design, size: 256, frames, delayMs },
});

const MOOD_LABELS: Record<Mood, [string, string, string][]> = {
  romantic: [
    [
      'romantic-moonlight-waltz',
      '月光慢舞 Moonlight waltz',
      '浪漫的七和弦电钢琴 Warm major-seventh electric piano',
    ],
    ['romantic-love-letter', '情书 Love letter', '温柔的旋律 A tender melody'],
    ['romantic-rose-garden', '玫瑰花园 Rose garden', '慢板抒情 Slow and lyrical'],
  ],
  cuisine: [
    ['cuisine-sunday-brunch', '周末早午餐 Sunday brunch', '轻松的波萨诺瓦 Easy bossa nova'],
    ['cuisine-street-food', '街头小吃 Street food', '马林巴与吉他 Marimba and guitar'],
    ['cuisine-home-kitchen', '家的味道 Home kitchen', '温暖惬意 Warm and cosy'],
  ],
  'chinese-style': [
    ['chinese-bamboo-breeze', '竹林清风 Bamboo breeze', '古筝与竹笛 Guzheng and bamboo flute'],
    ['chinese-ink-landscape', '水墨山水 Ink landscape', '五声音阶 Pentatonic'],
    ['chinese-lantern-night', '花灯夜 Lantern night', '国风小调 A Chinese-style tune'],
  ],
  upbeat: [
    ['upbeat-sunny-walk', '阳光散步 Sunny walk', '明快的流行节奏 Bright pop groove'],
    ['upbeat-good-morning', '早安元气 Good morning', '轻快活泼 Light and lively'],
    ['upbeat-weekend-trip', '周末出游 Weekend trip', '开心出发 Happy to go'],
  ],
  dynamic: [
    ['dynamic-night-run', '夜跑 Night run', '强劲的节拍 A driving beat'],
    ['dynamic-power-up', '能量满格 Power up', '动感电子 Energetic electronic'],
    ['dynamic-city-rush', '城市节奏 City rush', '快节奏 Fast-paced'],
  ],
  relaxing: [
    ['relaxing-morning-mist', '晨雾 Morning mist', '舒缓的铺底 Soft pads'],
    ['relaxing-quiet-lake', '静湖 Quiet lake', '安静放松 Calm and quiet'],
    ['relaxing-afternoon-tea', '午后时光 Afternoon tea', '轻柔竖琴 Gentle harp'],
  ],
  quirky: [
    ['quirky-sneaky-cat', '偷偷摸摸 Sneaky cat', '俏皮的断奏 Playful staccato'],
    ['quirky-silly-dance', '魔性舞步 Silly dance', '搞怪音效 Funny sounds'],
    ['quirky-oops', '哎呀呀 Oops', '古灵精怪 Mischievous'],
  ],
  beauty: [
    ['beauty-runway', 'T台时刻 Runway', '时尚律动 Chic house groove'],
    ['beauty-makeup-time', '化妆时间 Makeup time', '精致优雅 Polished and elegant'],
    ['beauty-glow-up', '闪耀变身 Glow up', '时髦自信 Stylish and confident'],
  ],
};

function musicItems(): DemoItemSpec[] {
  return (Object.entries(MOOD_LABELS) as [Mood, [string, string, string][]][]).flatMap(
    ([mood, labels]) =>
      labels.map(([slug, title, description], variant) => ({
        slug,
        title,
        description,
        businessType: 'bgm' as const,
        tags: [`bgm-${mood}`],
        recipe: {
          kind: 'music' as const,
          mood,
          variant,
          // A few tracks at 44.1 kHz so clients cannot assume one sample rate.
          sampleRate:
            variant === 2 && (mood === 'chinese-style' || mood === 'relaxing') ? 44100 : 22050,
        },
      })),
  );
}

const scene = (slug: string, title: string, tag: string, id: SceneId, seed = 7): DemoItemSpec => ({
  slug,
  title,
  description: `${title} — 背景图 background 1280×720`,
  businessType: 'bgi',
  tags: [tag],
  recipe: { kind: 'scene', scene: id, seed },
});

const solid = (slug: string, title: string, color: string): DemoItemSpec => ({
  slug,
  title,
  description: `${title} ${color}`,
  businessType: 'bgi',
  tags: ['bgi-solid'],
  recipe: { kind: 'solid', color },
});

const STICKERS: DemoItemSpec[] = [
  sticker(
    'twinkling-stars',
    '星光闪烁 Twinkling stars',
    ['sticker-atmosphere'],
    'twinklingStars',
    512,
  ),
  sticker(
    'party-confetti',
    '彩带派对 Party confetti',
    ['sticker-atmosphere'],
    'partyConfetti',
    512,
  ),
  sticker('fireworks', '烟花绽放 Fireworks', ['sticker-atmosphere'], 'fireworks', 384),
  sticker(
    'floating-hearts',
    '爱心漂浮 Floating hearts',
    ['sticker-atmosphere', 'sticker-cute'],
    'floatingHearts',
    448,
  ),
  sticker('bubble-dots', '思考中… Thinking…', ['sticker-bubble'], 'bubbleDots', 384),
  sticker('bubble-wow', '哇！Wow!', ['sticker-bubble', 'sticker-expression'], 'bubbleWow', 448),
  sticker('bubble-love', '比心 Love you', ['sticker-bubble'], 'bubbleLove', 384),
  sticker('bubble-thought', '想一想 Hmm?', ['sticker-bubble'], 'bubbleThought', 320),
  sticker('bubble-ok', '好的 OK', ['sticker-bubble', 'sticker-daily'], 'bubbleOk', 384),
  sticker('kitty', '小猫咪 Kitty', ['sticker-cute'], 'kitty', 512),
  sticker('little-bear', '小熊 Little bear', ['sticker-cute'], 'littleBear', 448),
  sticker('baby-panda', '熊猫宝宝 Baby panda', ['sticker-cute'], 'babyPanda', 512),
  sticker('little-chick', '小黄鸡 Little chick', ['sticker-cute'], 'littleChick', 384),
  sticker('morning-coffee', '早安咖啡 Morning coffee', ['sticker-daily'], 'morningCoffee', 448),
  sticker('sunny-day', '晴天 Sunny day', ['sticker-daily'], 'sunnyDay', 384),
  sticker('rainy-day', '下雨天 Rainy day', ['sticker-daily'], 'rainyDay', 320),
  sticker('potted-plant', '小绿植 Potted plant', ['sticker-daily'], 'pottedPlant', 384),
  sticker('laughing', '哈哈大笑 LOL', ['sticker-expression'], 'laughing', 320),
  sticker(
    'heart-eyes',
    '花痴 Heart eyes',
    ['sticker-expression', 'sticker-cute'],
    'heartEyes',
    320,
  ),
  sticker('crying', '大哭 Crying', ['sticker-expression'], 'crying', 320),
  sticker('wink', '调皮眨眼 Wink', ['sticker-expression'], 'wink', 256),
  sticker('surprised', '震惊 Surprised', ['sticker-expression'], 'surprised', 256),
  gif('gif-heartbeat', '怦然心动 Heartbeat', ['sticker-gif'], 'heartbeat', 18, 60),
  gif(
    'gif-sparkle',
    '闪闪发光 Sparkle',
    ['sticker-gif', 'sticker-atmosphere'],
    'sparkleTwinkle',
    16,
    70,
  ),
  gif(
    'gif-smiley',
    '眨眼笑脸 Blinking smiley',
    ['sticker-gif', 'sticker-expression'],
    'blinkingSmiley',
    20,
    60,
  ),
  gif('gif-rain', '下雨啦 Raining', ['sticker-gif', 'sticker-daily'], 'raining', 12, 80),
  gif('gif-typing', '输入中 Typing…', ['sticker-gif', 'sticker-bubble'], 'typingDots', 15, 70),
];

const BACKGROUNDS: DemoItemSpec[] = [
  scene('grad-dawn', '晨曦 Dawn glow', 'bgi-grad', 'dawn'),
  scene('grad-ocean', '深海蓝 Ocean blue', 'bgi-grad', 'ocean'),
  scene('grad-aurora', '极光 Aurora', 'bgi-grad', 'aurora'),
  scene('grad-peach', '蜜桃 Peach', 'bgi-grad', 'peach'),
  solid('solid-cream', '奶油白 Cream white', '#f7f1e3'),
  solid('solid-haze-blue', '雾霾蓝 Haze blue', '#8fa9c4'),
  solid('solid-sakura', '樱花粉 Sakura pink', '#f6c6d0'),
  solid('solid-ink-green', '墨绿 Ink green', '#2f4f3e'),
  scene('pic-sunset-hills', '日落山丘 Sunset hills', 'bgi-pic', 'sunsetHills'),
  scene('pic-starry-night', '星空 Starry night', 'bgi-pic', 'starryNight', 11),
  scene('pic-seaside', '海边 Seaside', 'bgi-pic', 'seaside'),
  scene('pic-bokeh', '光斑 Bokeh lights', 'bgi-pic', 'bokeh', 5),
  scene('pic-city-night', '城市夜景 City at night', 'bgi-pic', 'cityNight', 3),
];

/** Interleaves the three business types so the unfiltered listing shows a mix. */
function interleave(...lists: DemoItemSpec[][]): DemoItemSpec[] {
  const out: DemoItemSpec[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (l[i]) out.push(l[i] as DemoItemSpec);
  return out;
}

export const DEMO_ITEMS: readonly DemoItemSpec[] = interleave(STICKERS, musicItems(), BACKGROUNDS);
