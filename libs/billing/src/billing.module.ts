import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { FacilitiesModule } from '@careops/facilities';
import { BillRunService } from './bill-run.service';
import { BillingController } from './billing.controller';
import { BillingExports } from './billing-exports';
import { BillingRepository } from './billing.repository';
import { BillingService } from './billing.service';
import { LedgerService } from './ledger.service';
import { MoneyService } from './money.service';

/** Billing the elder and the family 收费 (docs/rules.md §9). BillingService is what the documents read. */
@Module({
  imports: [AuditModule, FacilitiesModule],
  controllers: [BillingController],
  providers: [BillingRepository, BillRunService, LedgerService, BillingService, MoneyService, BillingExports],
  exports: [BillingService],
})
export class BillingModule {}
