export * from "./tenant";
export * from "./user";
export * from "./session";
export * from "./org-unit";
export * from "./audit";
export * from "./sign-in-throttle";
