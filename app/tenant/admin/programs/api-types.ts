import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["program"];

/** What the program pages receive from the API. */
export type TrackedEntityType = Outputs["types"][number];
export type TypeAttribute = TrackedEntityType["attributes"][number];
export type Program = Outputs["get"];
export type Stage = Program["stages"][number];
export type DataElement = Stage["dataElements"][number];
