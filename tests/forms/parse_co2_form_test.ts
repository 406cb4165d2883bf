import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { buildCo2DataModel, fitTransitionTimes } from "../../src/forms/build_co2_data_model.ts";
import { FormError } from "../../src/forms/form_error.ts";
import { parseCo2Form } from "../../src/forms/parse_co2_form.ts";
import { MAX_CO2_DATA_POINTS } from "../../src/forms/co2_form.ts";

const BASE = {
  CO2_data: '{"times": [8, 8.5, 9, 9.5], "CO2": [440, 600, 700, 650]}',
  room_volume: "60",
  total_people: "2",
};

function issue(body: Record<string, unknown>): string {
  try {
    parseCo2Form(body);
  } catch (e) {
    if (e instanceof FormError) return e.message;
    throw e;
  }
  throw new Error("expected a FormError");
}

Deno.test("parseCo2Form(): wire format and plain JSON give the same form", () => {
  const wire = parseCo2Form({
    ...BASE,
    fitting_ventilation_states: "[8.5, 9]",
    room_capacity: "10",
    exposed_lunch_option: "0",
  });
  const plain = parseCo2Form({
    CO2_data: { times: [8, 8.5, 9, 9.5], CO2: [440, 600, 700, 650] },
    room_volume: 60,
    total_people: 2,
    fitting_ventilation_states: [8.5, 9],
    room_capacity: 10,
    exposed_lunch_option: false,
  });
  deepStrictEqual(wire, plain);
  deepStrictEqual(wire.co2Data, { times: [8, 8.5, 9, 9.5], co2: [440, 600, 700, 650] });
  strictEqual(wire.roomCapacity, 10);
  strictEqual(wire.infectedPeople, 1);
  strictEqual(wire.exposedStart, 8 * 60 + 30);
  strictEqual(parseCo2Form({ ...BASE, room_capacity: "" }).roomCapacity, null);
  deepStrictEqual(parseCo2Form(BASE).fittingVentilationStates, []);
});

Deno.test("parseCo2Form(): bad sensor data is refused with the field and the problem", () => {
  const cases: [unknown, RegExp][] = [
    ['{"times": [8, 9], "CO2": [440, NaN]}', /^CO2_data: .*NaN is not a number in JSON/],
    [
      { times: [8, 9], CO2: [440, -1] },
      /^CO2_data\.CO2\[1\]: expected a number from 0 to 100000 ppm/,
    ],
    [{ times: [8, 8], CO2: [440, 450] }, /^CO2_data\.times\[1\]: expected increasing times/],
    [{ times: [9, 8], CO2: [440, 450] }, /^CO2_data\.times\[1\]: expected increasing times/],
    [
      { times: [8, 9, 10], CO2: [440, 450] },
      /^CO2_data\.CO2: expected one concentration per time \(3\) but found 2/,
    ],
    [{ times: [8], CO2: [440] }, /^CO2_data\.times: expected at least two readings/],
    [{ times: [8, "9"], CO2: [440, 450] }, /^CO2_data\.times\[1\]: expected a number/],
    [{ CO2: [440, 450] }, /^CO2_data\.times:/],
    ["[1, 2]", /^CO2_data: expected a JSON object/],
  ];
  for (const [data, message] of cases) {
    const text = issue({ ...BASE, CO2_data: data });
    ok(message.test(text), text);
  }
  const many = Array.from({ length: MAX_CO2_DATA_POINTS + 1 }, (_, i) => 8 + i / 60);
  ok(/at most 50000 readings/.test(issue({ ...BASE, CO2_data: { times: many, CO2: many } })));
});

Deno.test("parseCo2Form(): every fitting interval holds a reading (its ends count)", () => {
  for (const states of ["[8, 9.5]", "[8.5, 9]", "[7, 8, 8.5, 9.5]", "[8.2, 8.5, 8.7, 9]"]) {
    deepStrictEqual(
      parseCo2Form({ ...BASE, fitting_ventilation_states: states }).fittingVentilationStates,
      JSON.parse(states),
    );
  }
});

Deno.test("parseCo2Form(): other fields name their problem", () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ CO2_data: undefined }, /^CO2_data: expected a value \(the field is required\)/],
    [{ room_volume: "0" }, /^room_volume: expected a number from 1 to 1000000 m³ but found 0/],
    [{ total_people: undefined }, /^total_people: expected a value/],
    [{ room_capacity: -3 }, /^room_capacity: expected a whole number >= 0 or nothing/],
    [
      { fitting_ventilation_states: "[9, 8.5]" },
      /^fitting_ventilation_states\[1\]: expected increasing/,
    ],
    [
      { fitting_ventilation_states: "[8.5, 10]" },
      /^fitting_ventilation_states\[1\]: expected times not after the last reading \(9\.5 h\)/,
    ],
    [{ fitting_ventilation_states: "9" }, /^fitting_ventilation_states: expected a JSON list/],
    [
      { fitting_ventilation_states: "[1, 2, 9]" },
      /^fitting_ventilation_states\[0\]: expected each interval to hold a CO2 reading \(readings from 8 to 9\.5 h\) but found none from 1 to 2 h/,
    ],
    [
      { fitting_ventilation_states: "[8, 8.6, 8.9, 9.5]" },
      /^fitting_ventilation_states\[1\]: expected each interval .* found none from 8\.6 to 8\.9 h/,
    ],
    [{ total_people: "1" }, /^infected_people: expected fewer infected people than total_people/],
    [{ exposed_finish: "07:00" }, /^exposed_finish: expected a time not before exposed_start/],
    [{ ventilation_type: "natural_ventilation" }, /^ventilation_type: unknown field/],
  ];
  for (const [change, message] of cases) {
    const text = issue({ ...BASE, ...change });
    ok(message.test(text), text);
  }
});

Deno.test("buildCo2DataModel(): occupancy, ventilation intervals ending at the last reading", () => {
  const form = parseCo2Form({
    ...BASE,
    fitting_ventilation_states: "[8.5, 9]",
    exposed_start: "08:30",
    exposed_finish: "09:30",
    infected_start: "08:30",
    infected_finish: "09:30",
    room_capacity: 4,
  });
  deepStrictEqual(fitTransitionTimes(form), [8.5, 9, 9.5]);
  const data = buildCo2DataModel(form);
  deepStrictEqual(data.ventilationTransitionTimes, [8.5, 9, 9.5]);
  deepStrictEqual([...data.occupancy.transitionTimes], [8.5, 9.5]);
  deepStrictEqual([...data.occupancy.values], [2]);
  strictEqual(data.room.volume, 60);
  strictEqual(data.room.capacity, 4);
  strictEqual(data.atmosphereConcentrationPpm, 440.44);
  throws(
    () => buildCo2DataModel(parseCo2Form(BASE)),
    (e) =>
      e instanceof FormError &&
      /^fitting_ventilation_states: expected at least one/.test(e.message),
  );
  throws(
    () => buildCo2DataModel(parseCo2Form({ ...BASE, fitting_ventilation_states: "[9.5]" })),
    /only the last reading's time/,
  );
});
