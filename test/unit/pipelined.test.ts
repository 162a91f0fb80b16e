import { describe, expect, it } from "vitest";
import { pipelined } from "@/db/pipelined";

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("pipelined", () => {
  it("answers every result in the order given", async () => {
    await expect(pipelined([later(20, "a"), Promise.resolve(1), later(5, true)] as const)).resolves.toEqual(["a", 1, true]);
  });

  it("fails only after every statement has settled, with the first failure in order", async () => {
    let stragglerDone = false;
    const straggler = later(30, null).then(() => {
      stragglerDone = true;
    });
    const first = new Error("the statement that failed");
    const aborted = new Error("current transaction is aborted");
    await expect(pipelined([straggler, later(10, null).then(() => Promise.reject(aborted)), Promise.reject(first)])).rejects.toBe(aborted);
    expect(stragglerDone).toBe(true);
    await expect(pipelined([Promise.reject(first), later(5, null).then(() => Promise.reject(aborted))])).rejects.toBe(first);
  });
});
