/**
 * Embedded default: PostgreSQL compiled to WASM (PGlite), its data in a local folder,
 * served on a free loopback port by pglite-socket so TypeORM talks to it with the same
 * plain `pg` driver it uses for a real server. One process owns the folder.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, "pgdata");
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 32 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgresql://postgres@${conn}/postgres`,
    dataDir: dir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
