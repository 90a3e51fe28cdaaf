/**
 * The embedded database keeps one connection, so a query sent around a transaction's
 * own manager while it is open would wait forever there. The guard makes that an
 * immediate error on PostgreSQL too, where the tests run; honest transactions and the
 * work around them are untouched.
 */
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { openDataSource } from "../../shared/infra/db/data-source.js";
import { SettingEntity } from "../../shared/infra/db/entities/setting.entity.js";
import { TransactionMisuseError } from "../../shared/infra/db/transaction-guard.js";
import { createTestDatabase, type TestDatabase } from "./support/test-database.js";

describe("transaction guard (PostgreSQL)", function () {
  this.timeout(30000);
  let db: TestDatabase;
  let ds: DataSource;
  before(async () => {
    db = await createTestDatabase();
    ds = await openDataSource({ url: db.url, poolSize: 4 });
  });
  after(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it("refuses a query through the data source while a transaction of the same request is open", async () => {
    let error: unknown;
    await ds
      .transaction(async (m) => {
        await m.save(SettingEntity, { key: "inside", value: { ok: true } });
        await ds.getRepository(SettingEntity).findOneBy({ key: "inside" });
      })
      .catch((e) => {
        error = e;
      });
    expect(error).to.be.instanceOf(TransactionMisuseError);
    // Nothing of the refused transaction is stored.
    expect(await ds.getRepository(SettingEntity).countBy({ key: "inside" })).to.equal(0);
  });

  it("refuses a nested transaction on a second connection", async () => {
    const nested = ds.transaction(async () => ds.transaction(async () => 1));
    let error: unknown;
    await nested.catch((e) => {
      error = e;
    });
    expect(error).to.be.instanceOf(TransactionMisuseError);
  });

  it("lets transactions use their own manager, run side by side, and the data source work after them", async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) =>
        ds.transaction(async (m) => {
          await m.save(SettingEntity, { key: `k${i}`, value: { i } });
          // The manager's own nested transaction reuses its connection.
          return m.transaction(
            async (inner) => (await inner.findOneByOrFail(SettingEntity, { key: `k${i}` })).value,
          );
        }),
      ),
    );
    expect(results).to.deep.equal([1, 2, 3, 4, 5, 6].map((i) => ({ i })));
    // Work that outlives a transaction (scheduled inside it) is no longer inside it.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((ok) => {
      open = ok;
    });
    let later: Promise<number> | undefined;
    await ds.transaction(async () => {
      later = gate.then(() => ds.getRepository(SettingEntity).count());
    });
    open();
    expect(await later).to.equal(6);
  });
});
