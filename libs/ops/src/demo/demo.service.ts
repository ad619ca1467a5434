import { Injectable } from '@nestjs/common';
import type { DemoLoginResponse } from './demo-login.response';
import { DEMO_LOGINS } from './demo-seed';
import { DemoRepository } from './demo.repository';

/**
 * The login page shows the demo accounts in demo mode: only when the process was started
 * as a demo (`CAREOPS_DEMO=true`, which `npm start` sets when it loads the demo) and only those
 * demo users that exist. Anywhere else (Docker, production) the list is empty.
 */
@Injectable()
export class DemoService {
  constructor(private readonly repo: DemoRepository) {}

  async logins(): Promise<DemoLoginResponse[]> {
    if (process.env['CAREOPS_DEMO'] !== 'true') return [];
    const out: DemoLoginResponse[] = [];
    for (const l of DEMO_LOGINS) {
      if (await this.repo.userExists(l.username))
        out.push({ username: l.username, password: l.password, role: l.role, displayName: l.displayName });
    }
    return out;
  }
}
