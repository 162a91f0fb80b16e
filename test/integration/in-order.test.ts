import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inOrder } from "@/db/pipelined";
import { testDatabases } from "./databases";

const { owner } = testDatabases();

/**
 * inOrder must hand statements to the connection in the order given whatever their shape: a lazy
 * drizzle statement (sent only once awaited), an async helper that sends its statement as soon as
 * it is called (the audit row's shape), one with a follow-up step. PostgreSQL numbers the rows as
 * it runs the statements, so the numbers show the order they arrived in.
 */
describe("inOrder", () => {
  it("runs dependent statements in the order given, in one transaction", async () => {
    const arrived = await owner.transaction(async (tx) => {
      await tx.execute(sql`create temporary table arrival (n int generated always as identity, label text) on commit drop`);
      const note = (label: string) => tx.execute(sql`insert into arrival (label) values (${label})`);
      await inOrder([
        () => note("lazy"),
        async () => {
          await note("eager");
        },
        () => note("chained").then(() => "done"),
        () => note("last"),
      ]);
      return tx.execute<{ label: string }>(sql`select label from arrival order by n`);
    });
    expect(arrived.map((row) => row.label)).toEqual(["lazy", "eager", "chained", "last"]);
  });

  it("reports the first failure in order and rolls back what ran before it", async () => {
    await owner.execute(sql`create table if not exists in_order_probe (label text primary key)`);
    try {
      const failure = owner.transaction((tx) =>
        inOrder([
          () => tx.execute(sql`insert into in_order_probe values ('kept?')`),
          () => tx.execute(sql`insert into in_order_probe values ('kept?')`),
          () => tx.execute(sql`insert into in_order_probe values ('after')`),
        ]),
      );
      await expect(failure).rejects.toThrow();
      const left = await owner.execute(sql`select count(*)::int as n from in_order_probe`);
      expect(left[0]).toEqual({ n: 0 });
    } finally {
      await owner.execute(sql`drop table in_order_probe`);
    }
  });
});
