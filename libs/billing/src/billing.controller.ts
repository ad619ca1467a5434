import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ANY_ROLE, ApiFileResponse, FACILITY_STAFF, FacilityController, Roles } from '@careops/platform';
import { BillingExports, csvOf, xlsxOf } from './billing-exports';
import { BillingService } from './billing.service';
import {
  AsOfDto,
  BillQueryDto,
  CreateFeeItemDto,
  CreateUsageChargeDto,
  DepositDto,
  FeeItemQueryDto,
  MonthDto,
  MonthQueryDto,
  PaymentDto,
  PaymentQueryDto,
  RefundDto,
  RemindDto,
  SettleDto,
  UsageChargeQueryDto,
} from './dto/billing.dto';
import {
  AccountResponse,
  ArrearsResponse,
  BillListResponse,
  BillResponse,
  BillRunResponse,
  FeeItemListResponse,
  FeeItemResponse,
  IssuedResponse,
  PaymentInstructionsResponse,
  PaymentListResponse,
  PaymentResponse,
  PendingSettlementListResponse,
  RefundResponse,
  RemindedResponse,
  SettlementResponse,
  UsageChargeListResponse,
  UsageChargeResponse,
} from './dto/billing.response';
import { MoneyService } from './money.service';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function send(res: Response, mime: string, name: string, body: string | Buffer): void {
  res.setHeader('content-type', mime);
  res.setHeader('content-disposition', `attachment; filename="${name}"`);
  res.send(body);
}

/**
 * Billing the elder and the family 收费 (docs/rules.md §9), as claims: the facility's manager and
 * accountant write; every role of the facility, and its regulator, reads. Routes under /api/facilities/:facilityId/.
 */
@ApiTags('billing')
@FacilityController('')
export class BillingController {
  constructor(
    private readonly billing: BillingService,
    private readonly money: MoneyService,
    private readonly exports: BillingExports,
  ) {}

  @Post('fee-items')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: 'A new version of a fee item (the same code, variant and date replaces it while no bill used it)' })
  @ApiCreatedResponse({ type: FeeItemResponse })
  createFeeItem(@Body() dto: CreateFeeItemDto) {
    return this.billing.createFeeItem(dto);
  }

  @Get('fee-items')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Fee item versions: those in force on a day (`on`), or all' })
  @ApiOkResponse({ type: FeeItemListResponse })
  async feeItems(@Query() q: FeeItemQueryDto) {
    return { rows: await this.billing.feeItems(q.on) };
  }

  @Post('usage-charges')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: 'A per-use charge (e.g. 助浴), at the price in force that day' })
  @ApiCreatedResponse({ type: UsageChargeResponse })
  recordUsage(@Body() dto: CreateUsageChargeDto) {
    return this.billing.recordUsage(dto);
  }

  @Get('usage-charges')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Per-use charges of a month and/or a resident' })
  @ApiOkResponse({ type: UsageChargeListResponse })
  async usageCharges(@Query() q: UsageChargeQueryDto) {
    return { rows: await this.billing.usageCharges(q) };
  }

  @Post('bills/run')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({
    summary: "The month's bill run (idempotent): drafts recomputed, issued bills corrected by a SUPPLEMENTARY bill or a CREDIT_NOTE",
  })
  @ApiCreatedResponse({ type: BillRunResponse })
  run(@Body() dto: MonthDto) {
    return this.billing.run(dto.month);
  }

  @Post('bills/issue')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: 'Issue every draft of the month (and the corrections of earlier months), once the month has ended' })
  @ApiCreatedResponse({ type: IssuedResponse })
  issueMonth(@Body() dto: MonthDto) {
    return this.billing.issueMonth(dto.month);
  }

  @Get('bills')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Bills by month, state, or a name / bed / number' })
  @ApiOkResponse({ type: BillListResponse })
  async bills(@Query() q: BillQueryDto) {
    return { rows: await this.billing.bills(q) };
  }

  @Get('bills/export.csv')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: "The month's bills as CSV (UTF-8 with BOM)" })
  @ApiFileResponse(['text/csv'])
  async billsCsv(@Query() q: MonthQueryDto, @Res() res: Response) {
    const month = q.month ?? (await this.billing.currentMonth());
    send(res, CSV, `bills-${month}.csv`, csvOf(await this.exports.bills(month)));
  }

  @Get('bills/export.xlsx')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: "The month's bills as an Excel workbook" })
  @ApiFileResponse([XLSX])
  async billsXlsx(@Query() q: MonthQueryDto, @Res() res: Response) {
    const month = q.month ?? (await this.billing.currentMonth());
    send(res, XLSX, `bills-${month}.xlsx`, await xlsxOf(await this.exports.bills(month)));
  }

  @Get('bills/:billId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A bill with its lines (each with its formula), leaves, subsidy credit and the balances' })
  @ApiOkResponse({ type: BillResponse })
  bill(@Param('billId', ParseUUIDPipe) id: string) {
    return this.billing.bill(id);
  }

  @Post('bills/:billId/issue')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: 'DRAFT → ISSUED: the total enters the ledger; prepayment held pays it' })
  @ApiCreatedResponse({ type: BillResponse })
  issue(@Param('billId', ParseUUIDPipe) id: string) {
    return this.billing.issue(id);
  }

  @Post('residents/:residentId/deposits')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: 'A deposit 押金 with its receipt; capped (422 DEPOSIT_OVER_CAP)' })
  @ApiCreatedResponse({ type: PaymentResponse })
  deposit(@Param('residentId', ParseUUIDPipe) id: string, @Body() dto: DepositDto) {
    return this.money.deposit(id, dto);
  }

  @Post('residents/:residentId/payments')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: 'A payment with its receipt, applied to the oldest open bills; the rest kept as prepayment' })
  @ApiCreatedResponse({ type: PaymentResponse })
  pay(@Param('residentId', ParseUUIDPipe) id: string, @Body() dto: PaymentDto) {
    return this.money.pay(id, dto);
  }

  @Post('residents/:residentId/refunds')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: 'A refund from the deposit or the prepayment (never more than held), with its voucher' })
  @ApiCreatedResponse({ type: RefundResponse })
  refund(@Param('residentId', ParseUUIDPipe) id: string, @Body() dto: RefundDto) {
    return this.money.refund(id, dto);
  }

  @Get('residents/:residentId/account')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: "The resident's account: balances summed from the ledger, bills, payments, refunds, the ledger" })
  @ApiOkResponse({ type: AccountResponse })
  account(@Param('residentId', ParseUUIDPipe) id: string) {
    return this.billing.account(id);
  }

  @Get('payments')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Payments and deposits received in [from, to), by receipt number' })
  @ApiOkResponse({ type: PaymentListResponse })
  async payments(@Query() q: PaymentQueryDto) {
    return { rows: await this.billing.payments(q) };
  }

  @Get('payments/export.csv')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Payments as CSV (UTF-8 with BOM)' })
  @ApiFileResponse(['text/csv'])
  async paymentsCsv(@Query() q: PaymentQueryDto, @Res() res: Response) {
    send(res, CSV, 'payments.csv', csvOf(await this.exports.payments(q.from, q.to)));
  }

  @Get('payments/export.xlsx')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Payments as an Excel workbook' })
  @ApiFileResponse([XLSX])
  async paymentsXlsx(@Query() q: PaymentQueryDto, @Res() res: Response) {
    send(res, XLSX, 'payments.xlsx', await xlsxOf(await this.exports.payments(q.from, q.to)));
  }

  @Get('billing/arrears')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Arrears 欠费: open issued bills past due, by resident, in aging buckets' })
  @ApiOkResponse({ type: ArrearsResponse })
  arrears(@Query() q: AsOfDto) {
    return this.money.arrears(q.asOf);
  }

  @Get('billing/arrears/export.csv')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Arrears as CSV (UTF-8 with BOM)' })
  @ApiFileResponse(['text/csv'])
  async arrearsCsv(@Query() q: AsOfDto, @Res() res: Response) {
    const t = await this.exports.arrears(q.asOf);
    send(res, CSV, 'arrears.csv', csvOf(t));
  }

  @Get('billing/arrears/export.xlsx')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Arrears as an Excel workbook' })
  @ApiFileResponse([XLSX])
  async arrearsXlsx(@Query() q: AsOfDto, @Res() res: Response) {
    send(res, XLSX, 'arrears.xlsx', await xlsxOf(await this.exports.arrears(q.asOf)));
  }

  @Post('billing/arrears/reminders')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: 'Record a reminder 催缴 for each resident who owes (audited)' })
  @ApiCreatedResponse({ type: RemindedResponse })
  remind(@Body() dto: RemindDto) {
    return this.money.remind(dto.residentIds);
  }

  @Get('billing/settlements/pending')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Discharged residents not yet settled, with money held or owed' })
  @ApiOkResponse({ type: PendingSettlementListResponse })
  async pending() {
    return { rows: await this.money.pendingSettlements() };
  }

  @Get('billing/payment-instructions')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The payee and bank account printed on bills (settings BILLING_PAYEE, BILLING_BANK_ACCOUNT)' })
  @ApiOkResponse({ type: PaymentInstructionsResponse })
  instructions() {
    return this.billing.paymentInstructions();
  }

  @Post('admissions/:admissionId/settle')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: '退住结算: the final bill, then deposit + prepayment − owed refunded with a voucher' })
  @ApiCreatedResponse({ type: SettlementResponse })
  settle(@Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: SettleDto) {
    return this.money.settle(id, dto);
  }
}
