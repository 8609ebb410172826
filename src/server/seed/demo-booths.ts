// Owns: the demo campaign's 8 booths (names, mall hints, floor-map positions) matching demo-patterns/<key>.jpg.

export interface DemoBooth {
  key: string; // matches the jpg file name without extension
  file: string; // e.g. 'santa-workshop.jpg'
  name: { 'zh-Hant': string; en: string }; // booth name in Traditional Chinese and English
  hint: { 'zh-Hant': string; en: string }; // where to find it in the mall
  floorPosition: { floor: string; x: number; y: number }; // x,y in [0,1]
}

export const DEMO_BOOTHS: readonly DemoBooth[] = [
  {
    key: 'santa-workshop',
    file: 'santa-workshop.jpg',
    name: { 'zh-Hant': '聖誕老人工作坊', en: "Santa's Workshop" },
    hint: { 'zh-Hant': '1F 中庭噴水池旁', en: '1F, by the atrium fountain' },
    floorPosition: { floor: '1F', x: 0.5, y: 0.48 },
  },
  {
    key: 'gingerbread-bakery',
    file: 'gingerbread-bakery.jpg',
    name: { 'zh-Hant': '薑餅屋烘焙坊', en: 'Gingerbread Bakery' },
    hint: { 'zh-Hant': 'B1 美食街入口', en: 'B1, at the food court entrance' },
    floorPosition: { floor: 'B1', x: 0.22, y: 0.35 },
  },
  {
    key: 'snowman-village',
    file: 'snowman-village.jpg',
    name: { 'zh-Hant': '雪人村', en: 'Snowman Village' },
    hint: { 'zh-Hant': '1F 正門口廣場', en: '1F, in the plaza at the main entrance' },
    floorPosition: { floor: '1F', x: 0.5, y: 0.9 },
  },
  {
    key: 'christmas-tree-forest',
    file: 'christmas-tree-forest.jpg',
    name: { 'zh-Hant': '聖誕樹森林', en: 'Christmas Tree Forest' },
    hint: { 'zh-Hant': '2F 東側電扶梯旁', en: '2F, next to the east escalators' },
    floorPosition: { floor: '2F', x: 0.82, y: 0.42 },
  },
  {
    key: 'jingle-bell-concert',
    file: 'jingle-bell-concert.jpg',
    name: { 'zh-Hant': '鈴聲音樂會', en: 'Jingle Bell Concert' },
    hint: { 'zh-Hant': '3F 表演舞台前', en: '3F, in front of the event stage' },
    floorPosition: { floor: '3F', x: 0.45, y: 0.3 },
  },
  {
    key: 'hot-cocoa-cafe',
    file: 'hot-cocoa-cafe.jpg',
    name: { 'zh-Hant': '熱可可咖啡館', en: 'Hot Cocoa Café' },
    hint: { 'zh-Hant': '2F 西側書店對面', en: '2F, across from the bookstore on the west side' },
    floorPosition: { floor: '2F', x: 0.15, y: 0.6 },
  },
  {
    key: 'toy-train-station',
    file: 'toy-train-station.jpg',
    name: { 'zh-Hant': '玩具火車站', en: 'Toy Train Station' },
    hint: { 'zh-Hant': '4F 親子遊戲區', en: '4F, in the family play area' },
    floorPosition: { floor: '4F', x: 0.7, y: 0.65 },
  },
  {
    key: 'new-year-fireworks',
    file: 'new-year-fireworks.jpg',
    name: { 'zh-Hant': '跨年煙火廣場', en: 'Countdown Fireworks Plaza' },
    hint: { 'zh-Hant': '5F 空中花園觀景台', en: '5F, on the rooftop garden terrace' },
    floorPosition: { floor: '5F', x: 0.55, y: 0.2 },
  },
];
