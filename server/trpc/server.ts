import { cache } from "react";
import { createContext } from "./init";
import { createCaller } from "./root";

/** tRPC for React Server Components: the same procedures, called in-process. */
export const serverTrpc = cache(async () => createCaller(await createContext()));
