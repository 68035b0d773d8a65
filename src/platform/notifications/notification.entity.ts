import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../database/columns.js';

/** An in-app inbox item. Text is written for the recipient and never carries clinical detail. */
@Entity('notifications')
@Index('idx_notifications_user_created', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'user_id' })
  userId: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Where the recipient acts on it, e.g. `/crisis-cases/<id>`. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @TimestampColumn({ name: 'read_at', nullable: true })
  readAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
