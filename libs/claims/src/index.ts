export * from './claims.module';
export * from './claims.service';
export * from './dto/claim.dto';
