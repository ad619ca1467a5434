export * from './imports.module';
export * from './imports.service';
export * from './dto/import.dto';
export * from './sheets';
export * from './rows';
