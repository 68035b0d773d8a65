import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';

/** A case note: clinical free text, encrypted at rest, never shown to the worker or on the composed record. */
@Entity('crisis_case_notes')
@Index('idx_crisis_case_notes_case', ['caseId', 'createdAt'])
export class CaseNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'case_id' })
  caseId: string;

  @IdColumn({ name: 'author_id' })
  authorId: string;

  @Column({ type: 'text', transformer: encrypted })
  body: string;

  @CreatedAtColumn()
  createdAt: Date;
}
