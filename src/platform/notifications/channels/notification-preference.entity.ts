import { Column, Entity } from 'typeorm';
import { encrypted } from '../../crypto/field-cipher.js';
import { UpdatedAtColumn } from '../../database/columns.js';

/**
 * How a person wants to be reached besides the in-app inbox (always on). No row means the defaults: email and SMS
 * on where an address or number is known. Staff may give a mobile number here for SMS alerts; a worker's number
 * is the one on their profile (职工档案).
 */
@Entity('notification_preferences')
export class NotificationPreference {
  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId: string;

  @Column({ type: 'boolean', default: true })
  email: boolean;

  @Column({ type: 'boolean', default: true })
  sms: boolean;

  @Column({ name: 'staff_mobile', type: 'text', nullable: true, transformer: encrypted })
  staffMobile: string | null;

  @UpdatedAtColumn()
  updatedAt: Date;
}
