import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class DeactivateUserDto {
  @ApiProperty({ example: '已离职', description: 'why the account ends (kept with it and in the audit trail)' })
  @IsString()
  @MinLength(1, { message: 'reason is required (请填写停用原因)' })
  @MaxLength(200)
  reason!: string;
}
