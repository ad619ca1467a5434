import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every error body (docs/api.md "Errors"): the code is in the catalogue, the message in both languages. */
export class ErrorResponse {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiProperty({ example: 'CLAIM_NOT_FOUND', description: 'stable code of the catalogue (docs/api.md "Error codes")' }) code!: string;
  @ApiProperty({ type: [String], example: ['claim not found (申领不存在)'] }) message!: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'the values the catalogue message is filled with',
  })
  params?: Record<string, string | number>;
  @ApiPropertyOptional({ format: 'uuid', description: 'quote it when reporting a problem' }) requestId?: string;
}
