import { describe, expect, it } from "vitest";
import { postgresJsTarget } from "@/db/socket-url";

describe("postgresJsTarget", () => {
  it("moves libpq's socket directory out of the URL, where postgres.js would send it to the server as a setting", () => {
    expect(postgresJsTarget("postgres://canopy_app:secret@localhost:5433/canopy?host=%2Fvar%2Frun%2Fpostgresql&sslmode=disable")).toEqual({
      url: "postgres://canopy_app:secret@localhost:5433/canopy?sslmode=disable",
      host: "/var/run/postgresql",
    });
  });

  it("leaves a TCP URL as it is", () => {
    expect(postgresJsTarget("postgres://canopy@127.0.0.1:5432/canopy")).toEqual({ url: "postgres://canopy@127.0.0.1:5432/canopy" });
  });
});
