import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { OrgUnit } from '../../src/people/org-units/org-unit.entity.js';
import { Worker } from '../../src/people/workers/worker.entity.js';
import { FieldCipher, installFieldCipher } from '../../src/platform/crypto/field-cipher.js';
import { installLookupKey } from '../../src/platform/crypto/lookup-hash.js';
import { dataSourceOptions } from '../../src/platform/database/data-source-options.js';
import { PreparedRead } from '../../src/platform/database/prepared-read.js';

/** The prepared read must hydrate exactly what the query builder does (transformers, JSON, booleans, dates). */
describe('PreparedRead', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  const unitId = randomUUID();
  const workerId = randomUUID();
  // Two parameters, named in the opposite order of their placeholders.
  const read = new PreparedRead(Worker, 'e.org_unit_id = :unit AND e.id = :id');

  beforeAll(async () => {
    installFieldCipher(new FieldCipher('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='));
    installLookupKey('test-lookup-key-that-is-long-enough-0123456789');
    database = await createScratchDatabase(process.env.DATABASE_URL, 'prepared-read');
    dataSource = await new DataSource({ ...dataSourceOptions(database.url), entities: [OrgUnit, Worker] }).initialize();
    await dataSource.runMigrations();
    await dataSource.getRepository(OrgUnit).insert({ id: unitId, name: '测试工会', parentId: null, path: `/${unitId}/`, depth: 0, createdAt: new Date('2026-11-25T02:00:00.000Z') });
    await dataSource.getRepository(Worker).save(
      dataSource.getRepository(Worker).create({
        id: workerId,
        orgUnitId: unitId,
        name: '王芳',
        gender: 'female',
        birthYear: 1990,
        phone: '13800138000',
        emergencyName: '王伟',
        lifeEvents: ['bereavement'],
        notes: null,
        erased: false,
        createdAt: new Date('2026-11-25T02:00:00.000Z'),
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('hydrates the same entity as findOneBy, decrypted, outside and inside a transaction', async () => {
    // The record key is never selected (`select: false`); both sides carry a fresh one from the constructor.
    const withoutKey = (worker: Worker | null) => worker && { ...worker, recordKey: 0 };
    const expected = withoutKey(await dataSource.manager.findOneByOrFail(Worker, { id: workerId }));
    expect(expected?.phone).toBe('13800138000');
    const got = await read.one(dataSource.manager, { id: workerId, unit: unitId });
    expect(got).toBeInstanceOf(Worker);
    expect(withoutKey(got)).toEqual(expected);
    // Twice: the second run reuses the prepared statement.
    expect(withoutKey(await read.one(dataSource.manager, { id: workerId, unit: unitId }))).toEqual(expected);
    await dataSource.transaction(async (manager) => {
      await manager.update(Worker, { id: workerId }, { jobTitle: '调度员' });
      // Inside the transaction it sees the transaction's own write.
      expect((await read.one(manager, { id: workerId, unit: unitId }))?.jobTitle).toBe('调度员');
    });
  });

  it('answers null when no row matches, whatever the parameter that fails', async () => {
    expect(await read.one(dataSource.manager, { id: randomUUID(), unit: unitId })).toBeNull();
    expect(await read.one(dataSource.manager, { id: workerId, unit: randomUUID() })).toBeNull();
    expect(await read.many(dataSource.manager, { id: workerId, unit: unitId })).toHaveLength(1);
  });
});
