/**
 * A schematic Northeast Asia: hand-picked coastline points (longitude, latitude), simplified by eye from
 * public maps, and a projection onto the board. Good enough to recognise; a later issue brings Natural Earth.
 */

export type LonLat = readonly [number, number];

/** The mainland, closed along the frame's left and top edges (China, the Korean peninsula, the Russian Far East). */
const MAINLAND: LonLat[] = [
  [100, 24],
  [117.5, 24],
  [118.6, 24.6],
  [119.6, 26.0],
  [120.5, 27.8],
  [121.9, 29.9],
  [121.0, 30.5],
  [121.9, 31.0],
  [121.5, 31.8],
  [120.8, 32.6],
  [120.2, 34.3],
  [119.3, 35.0],
  [120.3, 36.0],
  [121.0, 36.6],
  [122.5, 36.9],
  [121.4, 37.8],
  [119.5, 37.2],
  [118.9, 37.8],
  [117.8, 38.6],
  [118.9, 39.2],
  [121.0, 40.8],
  [122.2, 40.5],
  [121.2, 38.9],
  [122.3, 39.4],
  [124.3, 39.9],
  // The Korean peninsula's west coast, south coast and east coast.
  [124.8, 39.6],
  [125.4, 39.4],
  [125.1, 38.7],
  [124.7, 38.1],
  [125.6, 37.7],
  [126.6, 37.5],
  [126.8, 36.9],
  [126.2, 36.6],
  [126.5, 35.9],
  [126.3, 35.0],
  [126.3, 34.5],
  [127.4, 34.7],
  [128.5, 34.9],
  [129.1, 35.1],
  [129.5, 35.6],
  [129.4, 36.4],
  [129.4, 37.1],
  [128.9, 37.8],
  [128.4, 38.5],
  [127.5, 39.3],
  [127.8, 39.8],
  [128.6, 40.3],
  [129.7, 40.8],
  [129.8, 41.5],
  [130.7, 42.3],
  // Primorye and the Tatar Strait.
  [131.9, 43.1],
  [133.0, 42.8],
  [135.1, 43.6],
  [137.5, 45.4],
  [138.6, 47.0],
  [140.0, 48.5],
  [140.5, 50.0],
  [140.5, 60],
  [100, 60],
];

const KYUSHU: LonLat[] = [
  [129.8, 33.3],
  [130.4, 33.9],
  [131.0, 33.9],
  [131.8, 33.2],
  [131.4, 31.4],
  [130.6, 31.0],
  [130.2, 31.4],
  [130.2, 32.5],
  [129.6, 32.8],
];
const SHIKOKU: LonLat[] = [
  [132.6, 34.0],
  [134.0, 34.3],
  [134.6, 34.1],
  [134.3, 33.3],
  [133.0, 32.8],
  [132.5, 33.0],
];
const HONSHU: LonLat[] = [
  [130.9, 34.0],
  [131.4, 34.4],
  [132.5, 35.4],
  [133.4, 35.5],
  [134.5, 35.6],
  [135.3, 35.7],
  [136.0, 35.9],
  [136.7, 37.1],
  [137.3, 37.5],
  [137.0, 36.8],
  [138.3, 37.2],
  [139.4, 38.1],
  [139.9, 39.2],
  [140.0, 40.2],
  [140.3, 41.2],
  [141.2, 41.3],
  [141.5, 40.5],
  [142.0, 39.5],
  [141.5, 38.3],
  [141.0, 37.8],
  [141.0, 36.9],
  [140.7, 35.7],
  [140.0, 35.0],
  [139.7, 35.4],
  [139.2, 34.9],
  [138.7, 34.6],
  [138.2, 34.6],
  [137.0, 34.6],
  [136.8, 34.3],
  [136.2, 34.2],
  [135.8, 33.5],
  [135.2, 33.9],
  [135.2, 34.6],
  [134.2, 34.7],
  [133.0, 34.3],
  [132.2, 34.0],
  [131.2, 33.9],
];
const HOKKAIDO: LonLat[] = [
  [140.0, 41.5],
  [140.2, 42.3],
  [139.9, 42.7],
  [140.5, 43.2],
  [141.4, 43.3],
  [141.6, 45.4],
  [142.0, 45.4],
  [143.5, 44.2],
  [145.3, 44.3],
  [145.8, 43.4],
  [145.0, 43.0],
  [143.3, 42.0],
  [141.6, 42.6],
  [141.0, 41.8],
  [140.5, 41.7],
];
const SAKHALIN: LonLat[] = [
  [141.9, 46.0],
  [142.2, 46.2],
  [143.0, 47.2],
  [142.6, 48.5],
  [142.9, 52],
  [141.8, 52],
  [142.0, 49.0],
  [141.9, 47.0],
];
const JEJU: LonLat[] = [
  [126.2, 33.25],
  [126.9, 33.3],
  [126.95, 33.5],
  [126.3, 33.5],
];
const TAIWAN: LonLat[] = [
  [121.0, 25.1],
  [121.9, 25.0],
  [121.5, 23.5],
  [120.7, 22.0],
  [120.1, 23.0],
];

export const LANDS: LonLat[][] = [MAINLAND, KYUSHU, SHIKOKU, HONSHU, HOKKAIDO, SAKHALIN, JEJU, TAIWAN];

/** Land borders, drawn thin and dashed: China–North Korea (Yalu, Tumen), China–Russia (Ussuri). */
export const BORDERS: LonLat[][] = [
  [
    [124.3, 39.9],
    [125.3, 40.6],
    [126.9, 41.7],
    [128.1, 41.4],
    [128.3, 42.0],
    [129.7, 42.4],
    [130.7, 42.3],
  ],
  [
    [130.7, 42.3],
    [131.2, 43.2],
    [131.0, 44.9],
    [133.1, 45.1],
    [134.7, 48.3],
    [131.0, 47.7],
    [127.5, 49.8],
    [120, 52],
  ],
];

/** The Military Demarcation Line across the DMZ. */
export const DMZ: LonLat[] = [
  [126.1, 37.75],
  [126.7, 37.95],
  [127.2, 38.3],
  [128.35, 38.6],
];

/** Capitals on the map, by lower-case name. */
export const CAPITALS: Record<string, LonLat> = {
  pyongyang: [125.75, 39.02],
  seoul: [126.98, 37.57],
  beijing: [116.4, 39.9],
  tokyo: [139.69, 35.69],
  vladivostok: [131.9, 43.1],
  shanghai: [121.47, 31.23],
  taipei: [121.56, 25.03],
};

/** The frame of the map area: longitudes and latitudes shown, at the cosine of the middle latitude. */
export const FRAME = { west: 114.5, east: 144.5, south: 31.4, north: 44.9 };

export interface Projection {
  (p: LonLat): { x: number; y: number };
}

/** An equirectangular projection scaled by the cosine of the middle latitude, fitted and centred in a box. */
export function fitProjection(box: { x: number; y: number; width: number; height: number }): Projection {
  const k = Math.cos((((FRAME.north + FRAME.south) / 2) * Math.PI) / 180);
  const w = (FRAME.east - FRAME.west) * k;
  const h = FRAME.north - FRAME.south;
  const scale = Math.min(box.width / w, box.height / h);
  const ox = box.x + (box.width - w * scale) / 2;
  const oy = box.y + (box.height - h * scale) / 2;
  return ([lon, lat]) => ({ x: ox + (lon - FRAME.west) * k * scale, y: oy + (FRAME.north - lat) * scale });
}
