/**
 * Values from the app's configuration that a migration needs to fill in existing rows (a migration class gets no
 * configuration of its own). DatabaseModule sets them from the validated config before it runs the migrations.
 */
export interface MigrationContext {
  /** The id of AUDIT_KEY (AuditKeyring): the key that made every audit row written before rows named their key. */
  auditKeyId?: string;
}

let context: MigrationContext = {};

export function setMigrationContext(next: MigrationContext): void {
  context = { ...next };
}

export function migrationContext(): MigrationContext {
  return context;
}
