import { Body, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Role } from '@careops/care';
import { ACCOUNTING, ANY_ROLE, ApiFileResponse, FacilityController, Roles } from '@careops/platform';
import { ClaimExports } from './claim-exports';
import { ClaimsService } from './claims.service';
import { ApproveClaimDto, CreateClaimDto, PayClaimDto, RejectClaimDto } from './dto/claim.dto';
import { ClaimListItemResponse, ClaimResponse } from './dto/claim.response';

/** The accountant, and at a day center (which has none) its manager: checked further by ClaimsService. */
const CLAIMING: Role[] = [...ACCOUNTING, 'FACILITY_MANAGER'];

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file as an attachment named after the claim. */
function attachment(res: Response, mime: string, name: string, body: string | Buffer): void {
  res.setHeader('content-type', mime);
  res.setHeader('content-disposition', `attachment; filename="${name}"`);
  res.send(body);
}

@ApiTags('claims')
@FacilityController('claims')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly exports: ClaimExports,
  ) {}

  @Post()
  @Roles(...CLAIMING)
  @ApiOperation({ summary: "Create or regenerate the month's DRAFT claim (regenerating a DRAFT keeps the same claim)" })
  @ApiCreatedResponse({ type: ClaimResponse })
  draft(@Body() dto: CreateClaimDto) {
    return this.claims.draft(dto.month, dto.programme ?? 'INSTITUTIONAL_CARE');
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Claims, newest month first' })
  @ApiOkResponse({ type: [ClaimListItemResponse] })
  list() {
    return this.claims.list();
  }

  @Get(':claimId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A claim with its lines, each explained (segments, policy version, formula)' })
  @ApiOkResponse({ type: ClaimResponse })
  get(@Param('claimId', ParseUUIDPipe) id: string) {
    return this.claims.get(id);
  }

  @Get(':claimId/export.csv')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The lines as CSV (UTF-8 with BOM, opens in Excel)' })
  @ApiFileResponse(['text/csv'])
  async csv(@Param('claimId', ParseUUIDPipe) id: string, @Res() res: Response) {
    const { number, body } = await this.exports.csv(id);
    attachment(res, CSV, `claim-${number}.csv`, body);
  }

  @Get(':claimId/export.xlsx')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The claim as an Excel workbook: lines, and totals by level' })
  @ApiFileResponse([XLSX])
  async xlsx(@Param('claimId', ParseUUIDPipe) id: string, @Res() res: Response) {
    const { number, body } = await this.exports.xlsx(id);
    attachment(res, XLSX, `claim-${number}.xlsx`, body);
  }

  @Post(':claimId/submit')
  @Roles(...CLAIMING)
  @ApiOperation({
    summary: "DRAFT → SUBMITTED (the claim is frozen from now on); only once its month has ended in the facility's time zone",
  })
  @ApiCreatedResponse({ type: ClaimResponse })
  submit(@Param('claimId', ParseUUIDPipe) id: string) {
    return this.claims.transition(id, 'submit');
  }

  @Post(':claimId/approve')
  @Roles(...CLAIMING)
  @ApiOperation({ summary: "Record the bureau's approval, its date and amount: SUBMITTED → APPROVED" })
  @ApiCreatedResponse({ type: ClaimResponse })
  approve(@Param('claimId', ParseUUIDPipe) id: string, @Body() dto: ApproveClaimDto) {
    return this.claims.transition(id, 'approve', dto);
  }

  @Post(':claimId/reject')
  @Roles(...CLAIMING)
  @ApiOperation({ summary: "Record the bureau's rejection, its date and reason: SUBMITTED → REJECTED" })
  @ApiCreatedResponse({ type: ClaimResponse })
  reject(@Param('claimId', ParseUUIDPipe) id: string, @Body() dto: RejectClaimDto) {
    return this.claims.transition(id, 'reject', dto);
  }

  @Post(':claimId/pay')
  @Roles(...CLAIMING)
  @ApiOperation({ summary: 'Record the payment, its date, amount and bank reference: APPROVED → PAID' })
  @ApiCreatedResponse({ type: ClaimResponse })
  pay(@Param('claimId', ParseUUIDPipe) id: string, @Body() dto: PayClaimDto) {
    return this.claims.transition(id, 'pay', dto);
  }
}
