import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { BED_KINDS, CARE_LEVELS, FEE_CATEGORIES, FEE_KINDS } from '@careops/care';
import type { BedKind, CareLevel, FeeCategory, FeeKind } from '@careops/care';
import { IsIsoDate, IsMonth } from '@careops/platform';
import { BILL_STATES, PAYMENT_METHODS } from './billing.response';
import type { BillState, PaymentMethod } from './billing.response';

/** The largest amount one request moves, in fen (¥1,000,000). */
export const MAX_AMOUNT_FEN = 100_000_000;

/** docs/api.md: `POST fee-items` — a new version of a fee item (docs/rules.md §9). */
export class CreateFeeItemDto {
  @ApiProperty({ example: 'BED', description: 'letters, digits, _ and -; the versions of an item share it' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'code must be 1–40 letters, digits, _ or -' })
  code!: string;

  @ApiProperty({ example: '床位费' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;

  @ApiProperty({ enum: FEE_KINDS })
  @IsIn(FEE_KINDS, { message: `kind must be one of ${FEE_KINDS.join(', ')}` })
  kind!: FeeKind;

  @ApiProperty({ enum: FEE_CATEGORIES })
  @IsIn(FEE_CATEGORIES, { message: `category must be one of ${FEE_CATEGORIES.join(', ')}` })
  category!: FeeCategory;

  @ApiProperty({ example: 150000, description: 'a month (MONTHLY) or one use (PER_USE), in fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_FEN)
  amountFen!: number;

  @ApiPropertyOptional({ enum: CARE_LEVELS, description: 'a CARE item for residents at this level only' })
  @IsOptional()
  @IsIn(CARE_LEVELS, { message: `careLevel must be one of ${CARE_LEVELS.join(', ')}` })
  careLevel?: CareLevel;

  @ApiPropertyOptional({ enum: BED_KINDS, description: 'a BED item for beds of this kind only' })
  @IsOptional()
  @IsIn(BED_KINDS, { message: `bedKind must be one of ${BED_KINDS.join(', ')}` })
  bedKind?: BedKind;

  @ApiPropertyOptional({ example: '次' }) @IsOptional() @IsString() @MaxLength(20) unit?: string;

  @ApiPropertyOptional({ description: 'default: BED and CARE true (the bed is held), MEALS false, OTHER true' })
  @IsOptional()
  @IsBoolean()
  chargedOnLeave?: boolean;

  @ApiProperty({ example: '2025-01-01' }) @IsIsoDate() effectiveFrom!: string;
}

export class FeeItemQueryDto {
  @ApiPropertyOptional({ example: '2025-03-01', description: 'the versions in force that day; without it, every version' })
  @IsOptional()
  @IsIsoDate()
  on?: string;
}

/** docs/api.md: `POST usage-charges` — a per-use item as recorded (助浴 twice). */
export class CreateUsageChargeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() residentId!: string;
  @ApiProperty({ example: 'BATH' }) @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'code must be a fee item code' }) code!: string;
  @ApiProperty({ example: '2025-03-18' }) @IsIsoDate() on!: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(1000) quantity!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class UsageChargeQueryDto {
  @ApiPropertyOptional({ example: '2025-03' }) @IsOptional() @IsMonth() month?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() residentId?: string;
}

export class MonthDto {
  @ApiProperty({ example: '2025-03' }) @IsMonth() month!: string;
}

export class MonthQueryDto {
  @ApiPropertyOptional({ example: '2025-03', description: "default: the facility's current month" })
  @IsOptional()
  @IsMonth()
  month?: string;
}

export class BillQueryDto {
  @ApiPropertyOptional({ example: '2025-03' }) @IsOptional() @IsMonth() month?: string;
  @ApiPropertyOptional({ enum: BILL_STATES })
  @IsOptional()
  @IsIn(BILL_STATES, { message: `state must be one of ${BILL_STATES.join(', ')}` })
  state?: BillState;
  @ApiPropertyOptional({ description: 'a resident name, bed code or bill number (part of it)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

/** docs/api.md: `POST residents/:id/payments` and `.../deposits`. */
export class PaymentDto {
  @ApiProperty({ example: 149355 }) @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amountFen!: number;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS, { message: `method must be one of ${PAYMENT_METHODS.join(', ')}` })
  method!: PaymentMethod;

  @ApiPropertyOptional({ description: 'the transaction reference; required for BANK_TRANSFER, WECHAT and ALIPAY' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference?: string;

  @ApiProperty({ example: '2025-04-05' }) @IsIsoDate() receivedOn!: string;
}

/** A deposit 押金: cash unless said otherwise. */
export class DepositDto {
  @ApiProperty({ example: 200000 }) @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amountFen!: number;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, default: 'CASH' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS, { message: `method must be one of ${PAYMENT_METHODS.join(', ')}` })
  method?: PaymentMethod;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) reference?: string;

  @ApiProperty({ example: '2025-03-15' }) @IsIsoDate() receivedOn!: string;
}

/** docs/api.md: `POST residents/:id/refunds`. */
export class RefundDto {
  @ApiProperty({ example: 50000 }) @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amountFen!: number;

  @ApiProperty({ enum: ['DEPOSIT', 'PREPAYMENT'] })
  @IsIn(['DEPOSIT', 'PREPAYMENT'], { message: 'from must be one of DEPOSIT, PREPAYMENT' })
  from!: 'DEPOSIT' | 'PREPAYMENT';

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS, { message: `method must be one of ${PAYMENT_METHODS.join(', ')}` })
  method!: PaymentMethod;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) reference?: string;
  @ApiProperty({ example: '2025-04-20' }) @IsIsoDate() paidOn!: string;
  @ApiProperty({ example: '家属申请退还预交款' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class PaymentQueryDto {
  @ApiPropertyOptional({ example: '2025-04-01' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ example: '2025-05-01', description: 'exclusive' }) @IsOptional() @IsIsoDate() to?: string;
  @ApiPropertyOptional({ description: 'a resident name or a receipt number (part of it)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class AsOfDto {
  @ApiPropertyOptional({ example: '2025-05-20', description: "default: the facility's today" }) @IsOptional() @IsIsoDate() asOf?: string;
}

export class RemindDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  residentIds!: string[];
}

/** docs/api.md: `POST admissions/:id/settle` 退住结算. */
export class SettleDto {
  @ApiPropertyOptional({ example: '2025-04-20', description: 'default: the discharge day' }) @IsOptional() @IsIsoDate() settledOn?: string;

  @ApiProperty({ enum: PAYMENT_METHODS, description: 'how the refund is paid' })
  @IsIn(PAYMENT_METHODS, { message: `method must be one of ${PAYMENT_METHODS.join(', ')}` })
  method!: PaymentMethod;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) reference?: string;
}
