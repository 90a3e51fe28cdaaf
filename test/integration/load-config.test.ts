/** Config is parsed once, typed, frozen, and fails fast naming every bad key. */
import { expect } from "chai";
import { ConfigError, loadConfig } from "../../config/load-config.js";

describe("loadConfig(env)", () => {
  it("gives embedded defaults when nothing is set", () => {
    const c = loadConfig({});
    expect(c.database.url).to.equal(undefined);
    expect(c.database.dataDir).to.equal(".muatan-data");
    expect(c.queue).to.include({ redisUrl: undefined, name: "planning", concurrency: 1, attempts: 3 });
    expect(c.http.port).to.equal(8080);
    expect(c.planning.timeLimitMs).to.equal(10000);
    expect(Object.isFrozen(c) && Object.isFrozen(c.queue)).to.equal(true);
  });

  it("reads the real services and tuning", () => {
    const c = loadConfig({
      DATABASE_URL: "postgresql://u@db:5432/muatan",
      REDIS_URL: "redis://redis:6379",
      WORKER_CONCURRENCY: "4",
      PLAN_TIME_LIMIT_SECONDS: "1.5",
    });
    expect(c.database.url).to.equal("postgresql://u@db:5432/muatan");
    expect(c.queue.redisUrl).to.equal("redis://redis:6379");
    expect(c.queue.concurrency).to.equal(4);
    expect(c.planning.timeLimitMs).to.equal(1500);
  });

  it("fails naming every bad key", () => {
    try {
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        WORKER_CONCURRENCY: "0",
        BOOTSTRAP_API_KEY: "short",
      });
      expect.fail("should have thrown");
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigError);
      const keys = (error as ConfigError).problems.map((p) => p.key);
      expect(keys).to.have.members(["PORT", "DATABASE_URL", "WORKER_CONCURRENCY", "BOOTSTRAP_API_KEY"]);
      expect((error as Error).message).to.contain("PORT");
    }
  });
});
