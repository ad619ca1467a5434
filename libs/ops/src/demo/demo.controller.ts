import { Controller, Get, Module } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Public } from '@careops/platform';
import { DEMO_LOGINS } from './demo-seed';

/**
 * The login page shows the demo accounts in demo mode: only when the process was started
 * as a demo (`CAREOPS_DEMO=true`, which `npm start` sets when it loads the demo) and only those
 * demo users that exist. Anywhere else (Docker, production) the list is empty.
 */
@ApiTags('demo')
@Controller('demo-logins')
export class DemoController {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The demo logins, in demo mode only (else [])' })
  async list(): Promise<{ username: string; password: string; role: string; displayName: string }[]> {
    if (process.env['CAREOPS_DEMO'] !== 'true') return [];
    const out = [];
    for (const l of DEMO_LOGINS) {
      const [user] = await this.txHost.tx.query(`SELECT id FROM careops_auth_user($1, NULL)`, [l.username]);
      if (user) out.push({ username: l.username, password: l.password, role: l.role, displayName: l.displayName });
    }
    return out;
  }
}

@Module({ controllers: [DemoController] })
export class DemoModule {}
