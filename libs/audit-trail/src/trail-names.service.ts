import { Injectable } from '@nestjs/common';
import { AdmissionsService } from '@careops/admissions';
import type { AuditEvent } from '@careops/audit';
import { AuthRepository } from '@careops/auth';
import { BedsService } from '@careops/beds';
import { ClaimsService } from '@careops/claims';
import { CareLevelsRepository } from '@careops/residents';
import { StaffService } from '@careops/staff';
import { referencedIds, type TrailNames } from './audit-sentences';

/**
 * The names a page of the trail refers to, read through each feature's exported reader (never its
 * tables): people, residents, beds, claims, staff. A reader is asked only when the page needs it.
 */
@Injectable()
export class TrailNamesService {
  constructor(
    private readonly users: AuthRepository,
    private readonly profiles: CareLevelsRepository,
    private readonly admissions: AdmissionsService,
    private readonly beds: BedsService,
    private readonly claims: ClaimsService,
    private readonly staff: StaffService,
  ) {}

  /** Every account the caller may see (row-level security), by display name or username. */
  async userNames(): Promise<Map<string, string>> {
    return new Map((await this.users.listUsers()).map((u) => [u.id, u.displayName || u.username]));
  }

  async of(events: AuditEvent[]): Promise<TrailNames> {
    const names: TrailNames = {
      users: new Map(),
      residents: new Map(),
      admissions: new Map(),
      beds: new Map(),
      claims: new Map(),
      staff: new Map(),
    };
    const refs = events.map(referencedIds);
    const needs = (pick: (r: ReturnType<typeof referencedIds>) => string[]) => refs.some((r) => pick(r).length > 0);
    const types = new Set(events.map((e) => e.entityType));

    if (needs((r) => r.users)) names.users = await this.userNames();
    if (needs((r) => r.admissions)) for (const a of await this.admissions.list()) names.admissions.set(a.id, a.residentId);
    if (needs((r) => r.beds)) for (const b of await this.beds.board(this.beds.today())) names.beds.set(b.id, b.code);
    if (types.has('claim')) for (const c of await this.claims.list()) names.claims.set(c.id, { number: c.number, month: c.month });
    if ([...types].some((t) => t.startsWith('staff'))) for (const s of await this.staff.list()) names.staff.set(s.id, s.name);

    const residentIds = new Set(refs.flatMap((r) => r.residents));
    for (const id of refs.flatMap((r) => r.admissions)) {
      const residentId = names.admissions.get(id);
      if (residentId) residentIds.add(residentId);
    }
    if (residentIds.size > 0) for (const p of await this.profiles.profiles([...residentIds])) names.residents.set(p.id, p.name);
    return names;
  }
}
