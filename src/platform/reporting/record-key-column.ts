import { Column } from 'typeorm';

/**
 * A record's fixed random key for cell-key perturbation (cell-key.ts): drawn when the entity is created
 * (`= newRecordKey()` on the property), never updated, never selected by the app's reads. The dashboards sum it
 * in their GROUP BY; a cell's perturbation follows from that sum.
 */
export function RecordKeyColumn(): PropertyDecorator {
  return Column({ name: 'record_key', type: 'integer', default: 0, update: false, select: false });
}
