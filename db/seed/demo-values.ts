import { isoDate } from "./days";
import type { ElementDefinition } from "./demo-programs";
import type { Random } from "./random";

/**
 * A value a careful clerk could have entered, in the canonical form the value schema stores
 * (server/records/value-schema.ts): within range, exactly one of the options, "true"/"false",
 * dates as YYYY-MM-DD.
 */
export function sampleValue(random: Random, element: ElementDefinition, occurredOn: number): string {
  if (element.sample?.choices) return random.pick(element.sample.choices);
  switch (element.valueType) {
    case "number":
      return sampleNumber(random, element);
    case "boolean":
      return random.chance(0.85) ? "true" : "false";
    case "option_set":
      return random.pick(element.options ?? []);
    // The demo's only date element is an appointment: a few weeks after the visit.
    case "date":
      return isoDate(occurredOn + random.int(28, 90));
    default:
      throw new Error(`The demo has no sample values for ${element.name} (${element.valueType})`);
  }
}

function sampleNumber(random: Random, element: ElementDefinition): string {
  const [low, high] = element.sample?.range ?? [element.min ?? 0, element.max ?? 100];
  const decimals = element.sample?.decimals ?? 0;
  if (decimals === 0) return String(random.int(Math.ceil(low), Math.floor(high)));
  // Number() drops trailing zeros: "3.2", never "3.20".
  return String(Number((low + random.next() * (high - low)).toFixed(decimals)));
}
