import type { Transaction } from "@/db/client";
import { pipelined } from "@/db/pipelined";
import { visiblePairs, visiblePerson } from "./access";
import { loadTypeAttributes } from "./metadata";

/**
 * A person the caller can see (with their stored values by attribute id), their type's attributes
 * and the (person, program) pairs the caller can read — or not found.
 */
export async function loadPersonCore(tx: Transaction, tenantId: string, personId: string) {
  const person = await visiblePerson(tx, tenantId, personId);
  const [attributes, pairs] = await pipelined([
    loadTypeAttributes(tx, tenantId, person.trackedEntityTypeId),
    visiblePairs(tx, tenantId, person.id),
  ]);
  return { person, attributes, pairs };
}
