/**
 * Places on the board's map of Northeast Asia (longitude, latitude) and the projection onto the board.
 * The coastlines and borders come from Natural Earth (see atlas.ts).
 */

export type LonLat = readonly [number, number];

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
  kaesong: [126.55, 37.97],
  // Off the map: drawn at the frame's edge, in their direction.
  washington: [-77.04, 38.9],
  moscow: [37.62, 55.75],
  'new york': [-74.0, 40.71],
  geneva: [6.14, 46.2],
  vienna: [16.37, 48.21],
  brussels: [4.35, 50.85],
  london: [-0.13, 51.51],
  paris: [2.35, 48.86],
  ulaanbaatar: [106.92, 47.92],
  hanoi: [105.85, 21.03],
  singapore: [103.82, 1.35],
  canberra: [149.13, -35.28],
};

/** The frame of the map area: longitudes and latitudes shown, at the cosine of the middle latitude. */
export const FRAME = { west: 114.5, east: 144.5, south: 31.4, north: 44.9 };

/** Whether a place lies inside the frame. */
export function inFrame([lon, lat]: LonLat): boolean {
  return lon >= FRAME.west && lon <= FRAME.east && lat >= FRAME.south && lat <= FRAME.north;
}

/** The frame's centre. */
export const CENTRE: LonLat = [(FRAME.west + FRAME.east) / 2, (FRAME.north + FRAME.south) / 2];

/**
 * The direction from the frame's centre to a place, on this map's projection continued past its edges (east
 * and north positive, y down on the board), the shorter way round the globe in longitude; a unit vector.
 */
export function bearingOnMap([lon, lat]: LonLat): { x: number; y: number } {
  const k = Math.cos((CENTRE[1] * Math.PI) / 180);
  let dlon = lon - CENTRE[0];
  dlon = ((((dlon + 180) % 360) + 360) % 360) - 180;
  const x = dlon * k;
  const y = -(lat - CENTRE[1]);
  const len = Math.hypot(x, y) || 1;
  return { x: x / len, y: y / len };
}

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
