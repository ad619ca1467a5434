import { Controller, Get, Module } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Public } from '@careops/platform';
import { DEMO_LOGINS } from './demo-seed';

/**
 * The login page shows the demo accounts in demo mode (issue 8): only while the demo is loaded
 * (its users exist) and DEMO_SEED is not `false`. A real deployment has no such users: empty list.
 */
@ApiTags('demo')
@Controller('demo-logins')
export class DemoController {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The demo logins, in demo mode only (else [])' })
  async list(): Promise<{ username: string; password: string; role: string; displayName: string }[]> {
    if (process.env['DEMO_SEED'] === 'false') return [];
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
