import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "@/db/client";
import { runtimeUrl } from "@/db/urls";

/**
 * DATABASE_URL may name the server's Unix-domain socket the libpq way (`?host=<directory>`): the
 * pools then connect through the socket, the runtime roles included. PostgreSQL reports no server
 * address for a socket connection, so the test can tell which way it came.
 */
describe("a connection URL naming a Unix-domain socket", () => {
  const ownerUrl = process.env.DATABASE_URL!;
  const tcp = connect(ownerUrl, { max: 1 });
  const opened = [tcp];
  afterAll(() => Promise.all(opened.map((pool) => pool.close())));

  it("connects the owner and the runtime role through the socket", async () => {
    const [setting] = await tcp.db.execute<{ directories: string; tcp_address: string | null }>(
      sql`select current_setting('unix_socket_directories') as directories, inet_server_addr()::text as tcp_address`,
    );
    expect(setting!.tcp_address).not.toBeNull();
    const directory = setting!.directories.split(",")[0]!.trim();
    expect(directory.startsWith("/")).toBe(true);
    const socketUrl = new URL(ownerUrl);
    socketUrl.searchParams.set("host", directory);
    const owner = connect(socketUrl.toString(), { max: 1 });
    const runtime = connect(runtimeUrl(socketUrl.toString(), process.env.DATABASE_APP_PASSWORD!), { max: 1 });
    opened.push(owner, runtime);
    for (const pool of [owner, runtime]) {
      const [row] = await pool.db.execute<{ tcp_address: string | null }>(sql`select inet_server_addr()::text as tcp_address`);
      expect(row!.tcp_address).toBeNull();
    }
  });
});
