import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** `?reveal=idNumber`: the full ID number, to the facility manager only, audited (docs/rules.md §4). */
export class RevealQuery {
  @ApiPropertyOptional({ enum: ['idNumber'], description: 'managers only; audited' })
  @IsOptional()
  @IsIn(['idNumber'], { message: 'reveal accepts only idNumber (仅可查看身份证号)' })
  reveal?: 'idNumber';
}
