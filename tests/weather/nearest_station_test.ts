// Expected stations were computed with the reference's method (scipy 1.17.1 cKDTree
// over the (longitude, latitude) pairs of the HadISD list restricted to the synthetic
// set's stations), and agree with test_nearest_wx_station for Melbourne.
import { strictEqual, throws } from "node:assert/strict";
import {
  createWeatherDataset,
  nearestStation,
  type WeatherDataset,
} from "../../src/weather/mod.ts";
import { NO_STATION_LIST, STATION_LIST_TEXT, SYNTHETIC, SYNTHETIC_STATIONS } from "./_data.ts";

const CITIES: [string, number, number, string][] = [
  // name, latitude, longitude, nearest synthetic station
  ["Geneva (REST example)", 46.20833, 6.14275, "067000-99999"],
  ["Geneva (reference __init__)", 46.204391, 6.143158, "067000-99999"],
  ["Melbourne (test_weather.py)", -37.81739, 144.96751, "948640-99999"],
  ["Adelaide", -34.9285, 138.6007, "948640-99999"],
  ["Sydney", -33.8688, 151.2093, "948640-99999"],
  // No wrap-around at ±180°: Wellington is 351° of longitude from the Chatham Islands.
  ["Wellington", -41.2865, 174.7762, "948640-99999"],
  ["Suva", -18.1416, 178.4419, "948640-99999"],
  ["Apia", -13.8333, -171.75, "939860-99999"],
  ["Honolulu", 21.3069, -157.8583, "939860-99999"],
  ["London", 51.5072, -0.1276, "067000-99999"],
  ["Moscow", 55.7558, 37.6173, "067000-99999"],
  ["Cairo", 30.0444, 31.2357, "067000-99999"],
  ["New York", 40.7128, -74.006, "744860-94789"],
  ["Los Angeles", 34.0522, -118.2437, "744860-94789"],
  ["Buenos Aires", -34.6037, -58.3816, "744860-94789"],
  ["São Paulo", -23.5505, -46.6333, "688160-99999"],
  ["Johannesburg", -26.2041, 28.0473, "688160-99999"],
  ["Lagos", 6.5244, 3.3792, "637400-99999"],
  ["Dubai", 25.2048, 55.2708, "637400-99999"],
  ["Mumbai", 19.076, 72.8777, "486980-99999"],
  ["Kathmandu", 27.7172, 85.324, "486980-99999"],
  ["Beijing", 39.9042, 116.4074, "476710-99999"],
  ["Tokyo", 35.6762, 139.6503, "476710-99999"],
];

function checkCities(dataset: WeatherDataset): void {
  for (const [name, latitude, longitude, id] of CITIES) {
    strictEqual(nearestStation(dataset, latitude, longitude).id, id, name);
  }
  // Each station is its own nearest.
  for (const s of SYNTHETIC_STATIONS) {
    strictEqual(
      nearestStation(dataset, s.latitude, s.longitude),
      dataset.stations.find((t) => t.id === s.id),
    );
  }
}

Deno.test({
  name: "nearestStation() picks the reference's station for the 8 synthetic stations and cities",
  ignore: NO_STATION_LIST,
  fn() {
    const dataset = createWeatherDataset(STATION_LIST_TEXT as string, SYNTHETIC);
    checkCities(dataset);
    strictEqual(nearestStation(dataset, -37.81739, 144.96751).name, "MELBOURNE ESSENDON");
  },
});

Deno.test("nearestStation() gives the same answers on the inline copy of the 8 stations", () => {
  checkCities(createWeatherDataset(SYNTHETIC_STATIONS, SYNTHETIC));
});

Deno.test("nearestStation() uses flat degrees, not great-circle distance", () => {
  // At 60° N a degree of longitude is half as long as a degree of latitude: B (2° east,
  // about 111 km) is nearer on the ground than A (1.5° north, about 167 km), but the
  // reference compares raw degree differences and picks A.
  const day = { "1": Array(24).fill(0) };
  const dataset = createWeatherDataset(
    [
      { id: "A", name: "A", latitude: 61.5, longitude: 10 },
      { id: "B", name: "B", latitude: 60, longitude: 12 },
    ],
    { A: day, B: day },
  );
  strictEqual(nearestStation(dataset, 60, 10).id, "A");
});

Deno.test("nearestStation() between equidistant stations takes the first listed (one-leaf tree)", () => {
  const day = { "1": Array(24).fill(0) };
  const stations = [
    { id: "E", name: "EAST", latitude: 0, longitude: 1 },
    { id: "W", name: "WEST", latitude: 0, longitude: -1 },
  ];
  strictEqual(nearestStation(createWeatherDataset(stations, { E: day, W: day }), 5, 0).id, "E");
  strictEqual(
    nearestStation(createWeatherDataset(stations.toReversed(), { E: day, W: day }), 5, 0).id,
    "W",
  );
});

Deno.test("nearestStation() rejects non-finite coordinates", () => {
  const dataset = createWeatherDataset(SYNTHETIC_STATIONS, SYNTHETIC);
  throws(() => nearestStation(dataset, NaN, 0), {
    name: "RangeError",
    message: /finite coordinates/,
  });
  throws(() => nearestStation(dataset, 0, Infinity), RangeError);
});
