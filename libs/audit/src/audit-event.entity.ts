import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only trail (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' })
  id!: string;

  @Column({ type: 'timestamptz', insert: false })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ name: 'facility_id', type: 'uuid', nullable: true })
  facilityId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'client_ip', type: 'inet', nullable: true })
  clientIp!: string | null;

  @Column({ type: 'jsonb' })
  diff!: Record<string, unknown>;
}
