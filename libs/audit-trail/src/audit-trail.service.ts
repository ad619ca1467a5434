import { Injectable } from '@nestjs/common';
import { auditKindOf, AuditService, type AuditQuery } from '@careops/audit';
import { describeEntry, sentenceText } from './audit-sentences';
import type { AuditActorResponse, AuditTrailPageResponse } from './dto/audit-trail.response';
import { TrailNamesService } from './trail-names.service';

/** The trail as the manager reads it (docs/rules.md §1): filtered, paged, one sentence per entry. */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly audit: AuditService,
    private readonly names: TrailNamesService,
  ) {}

  async page(q: AuditQuery): Promise<AuditTrailPageResponse> {
    const page = await this.audit.listPage(q);
    const names = await this.names.of(page.items);
    return {
      ...page,
      items: page.items.map((e) => {
        const { zh, en } = describeEntry(e, names);
        return {
          ...e,
          kind: auditKindOf(e.action),
          actorName: (e.actorId && names.users.get(e.actorId)) || null,
          sentence: { zh: sentenceText(zh), en: sentenceText(en), zhParts: zh, enParts: en },
        };
      }),
    };
  }

  /** Everyone who appears in the facility's trail, by name. */
  async actors(): Promise<AuditActorResponse[]> {
    const actors = await this.audit.actors();
    const names = actors.length > 0 ? await this.names.userNames() : new Map<string, string>();
    return actors
      .map((a) => ({ id: a.id, role: a.role, name: names.get(a.id) ?? a.id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }
}
