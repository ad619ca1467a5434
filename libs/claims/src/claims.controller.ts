import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ANY_ROLE, Roles } from '@careops/platform';
import { ClaimsService } from './claims.service';
import { CreateClaimDto, RejectClaimDto } from './dto/claim.dto';

const ACCOUNTING = ['ACCOUNTANT', 'PLATFORM_ADMIN'] as const;

@ApiTags('claims')
@Controller('facilities/:facilityId/claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post()
  @Roles(...ACCOUNTING)
  @ApiOperation({ summary: "Create or regenerate the month's DRAFT claim (idempotent: same facts, same claim)" })
  draft(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: CreateClaimDto) {
    return this.claims.draft(dto.month, dto.programme ?? 'INSTITUTIONAL_CARE');
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Claims, newest month first' })
  list(@Param('facilityId', ParseUUIDPipe) _f: string) {
    return this.claims.list();
  }

  @Get(':claimId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A claim with its lines, each explained (segments, policy version, formula)' })
  get(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('claimId', ParseUUIDPipe) id: string) {
    return this.claims.get(id);
  }

  @Get(':claimId/export.csv')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The lines as CSV (UTF-8 with BOM, opens in Excel)' })
  async csv(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('claimId', ParseUUIDPipe) id: string, @Res() res: Response) {
    const { number, body } = await this.claims.csv(id);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="claim-${number}.csv"`);
    res.send(body);
  }

  @Get(':claimId/export.xlsx')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The claim as an Excel workbook: lines, and totals by level' })
  async xlsx(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('claimId', ParseUUIDPipe) id: string, @Res() res: Response) {
    const { number, body } = await this.claims.xlsx(id);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="claim-${number}.xlsx"`);
    res.send(body);
  }

  @Post(':claimId/submit')
  @Roles(...ACCOUNTING)
  @ApiOperation({ summary: 'DRAFT → SUBMITTED (the claim is frozen from now on)' })
  submit(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('claimId', ParseUUIDPipe) id: string) {
    return this.claims.transition(id, 'submit');
  }

  @Post(':claimId/approve')
  @Roles(...ACCOUNTING)
  @ApiOperation({ summary: "Record the bureau's approval: SUBMITTED → APPROVED" })
  approve(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('claimId', ParseUUIDPipe) id: string) {
    return this.claims.transition(id, 'approve');
  }

  @Post(':claimId/reject')
  @Roles(...ACCOUNTING)
  @ApiOperation({ summary: "Record the bureau's rejection with its reason: SUBMITTED → REJECTED" })
  reject(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('claimId', ParseUUIDPipe) id: string, @Body() dto: RejectClaimDto) {
    return this.claims.transition(id, 'reject', dto.reason);
  }

  @Post(':claimId/pay')
  @Roles(...ACCOUNTING)
  @ApiOperation({ summary: 'Record the payment: APPROVED → PAID' })
  pay(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('claimId', ParseUUIDPipe) id: string) {
    return this.claims.transition(id, 'pay');
  }
}
