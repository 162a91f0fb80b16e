import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";
import type { Context } from "../cases";
import { peopleInScope } from "../queries/samples";
import type { User } from "../world";

type Outputs = inferRouterOutputs<AppRouter>["record"];

/** One procedure called over HTTP: the path of the i-th request and a check of its answer. */
export type ApiCase<T = unknown> = { name: string; path: (i: number) => string; check: (data: T, i: number) => string | null };

/** A tRPC query as a GET without batching: the client's httpBatchLink has no transformer, so input is plain JSON. */
const query = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

const at = <T>(list: readonly T[], i: number) => list[i % list.length]!;

/**
 * The record page's read (record.get) and the person search (record.search) for one persona,
 * cycling over the people of its scope (queries/samples.ts): by exact National ID (identifying,
 * so the effective search scope) and by a last-name prefix (capture scope). The prefixes are the
 * first three letters of those people's own last names, so every search finds someone.
 */
export async function apiCases(ctx: Context, user: User): Promise<ApiCase[]> {
  const { world, owner } = ctx;
  const people = await peopleInScope(owner, world, user);
  const prefixes = (
    await owner<{ prefix: string }[]>`
      select distinct left(search_value, 3) as prefix from tracked_entity_attribute_value
      where tenant_id = ${world.tenantId} and attribute_id = ${world.attributes.lastName} and tracked_entity_id = any(${people.map((p) => p.id)}::uuid[])
      order by prefix`
  ).map((r) => r.prefix);
  const search = (attributeId: string, value: string) =>
    query("record.search", { trackedEntityTypeId: world.attributes.personType, criteria: [{ attributeId, value }] });
  const read: ApiCase<Outputs["get"]> = {
    name: "API point read",
    path: (i) => query("record.get", { personId: at(people, i).id }),
    check: (data, i) => (data.person.id === at(people, i).id ? null : "record.get answered with another person"),
  };
  const byId: ApiCase<Outputs["search"]> = {
    name: "API search by National ID",
    path: (i) => search(world.attributes.nationalId, at(people, i).nationalId),
    check: (data, i) =>
      data.people.length === 1 && data.people[0]!.id === at(people, i).id ? null : `a National ID search found ${data.people.length} people, not the one`,
  };
  const byName: ApiCase<Outputs["search"]> = {
    name: "API search by name prefix",
    path: (i) => search(world.attributes.lastName, at(prefixes, i)),
    check: (data) => (data.people.length ? null : "a last-name prefix of a person in scope found nobody"),
  };
  return [read, byId, byName] as ApiCase[];
}
