import { DynamicModule, Module } from '@nestjs/common';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { ClsModule } from 'nestjs-cls';
import { FacilityWrites } from './facility-writes';
import { TenantDb } from './tenant-db';
import { DATABASE_SERVERS, DatabaseServers, type DatabaseServerSettings } from '../servers';

/**
 * Request-scoped context and transactions (nestjs-cls + @nestjs-cls/transactional, TypeORM adapter).
 * Queries go through `TransactionHost.tx`, so they run in the request's transaction with its tenant.
 */
@Module({})
export class TenancyModule {
  /** `servers`: a direct URL past a pooler, a read replica (docs/scale.md); none by default. */
  static forRoot(servers: DatabaseServerSettings = {}): DynamicModule {
    return {
      module: TenancyModule,
      global: true,
      providers: [FacilityWrites, TenantDb, DatabaseServers, { provide: DATABASE_SERVERS, useValue: servers }],
      exports: [FacilityWrites, TenantDb, DatabaseServers],
      imports: [
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            setup: (cls, req: Request & { id?: string }) => {
              cls.set('requestId', req.id);
              cls.set('clientIp', req.ip);
              cls.set('auditCount', 0);
            },
          },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
              enableTransactionProxy: false,
            }),
          ],
        }),
      ],
    };
  }
}
