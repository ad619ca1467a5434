import { ApiProperty } from '@nestjs/swagger';

/** A home-care bed 家庭养老床位 enrolment, [from, to) (docs/rules.md §5). */
export class HomeCareBedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '王秀英' }) residentName!: string;
  @ApiProperty({ type: String, format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the first day no longer served; null: still served' })
  to!: string | null;
  @ApiProperty({ example: '宝丰县城关镇人民路12号' }) address!: string;
}
