export * from './dto/home.response';
export * from './home.module';
export * from './home.service';
