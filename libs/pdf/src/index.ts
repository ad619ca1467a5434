export * from './fonts';
export * from './renderer';
export * from './pdf.module';
