import { Injectable } from '@nestjs/common';
import { refuseOn, TenantDb, UNIQUE_VIOLATION } from '@careops/db';
import { Resident } from './resident.entity';
import { IdNumberTakenError } from './residents.errors';

/** The resident table, through the request's transaction (RLS: the caller's facility only). */
@Injectable()
export class ResidentsRepository {
  constructor(private readonly db: TenantDb) {}

  private get residents() {
    return this.db.sql.getRepository(Resident);
  }

  /** A new resident (the entity's id is set once inserted); a clash of ID numbers names the one registered. */
  build(fields: Omit<Resident, 'id' | 'createdAt' | 'updatedAt'>): Resident {
    return this.residents.create(fields);
  }

  async insert(resident: Resident): Promise<void> {
    await this.refusingTakenIdNumber(() => this.residents.insert(resident), resident.idHmac);
  }

  /** Every resident, by name. */
  listByName(): Promise<Resident[]> {
    return this.residents.find({ order: { name: 'ASC' } });
  }

  /** One resident; with `cipher`, its encrypted ID number and key version too (to reveal or re-check it). */
  findById(id: string, cipher = false): Promise<Resident | null> {
    const query = this.residents.createQueryBuilder('r').where('r.id = :id', { id });
    if (cipher) query.addSelect(['r.idCipher', 'r.idKeyVersion']);
    return query.getOne();
  }

  /** Writes the given fields (an ID number's clash named as on insert). */
  async update(id: string, changes: Partial<Resident>): Promise<void> {
    await this.refusingTakenIdNumber(
      () => this.residents.update({ id }, { ...changes, updatedAt: () => 'now()' } as never),
      changes.idHmac ?? Buffer.alloc(0),
    );
  }

  /** Runs a write; a unique-key clash becomes 409 naming the resident already registered with `hmac`. */
  private async refusingTakenIdNumber(write: () => Promise<unknown>, hmac: Buffer): Promise<void> {
    await refuseOn(this.db.sql, [UNIQUE_VIOLATION], write, async () => {
      const existing = await this.residents.createQueryBuilder('r').select(['r.id', 'r.name']).where('r.idHmac = :hmac', { hmac }).getOne();
      return new IdNumberTakenError({ name: `${existing?.name}`, residentId: `${existing?.id}` });
    });
  }
}
