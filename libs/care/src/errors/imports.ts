import type { ErrorText } from './catalogue';

/** Error codes of imports from spreadsheets (docs/api.md "Errors"). */
export const IMPORTS_ERRORS = {
  IMPORT_KIND_UNKNOWN: { status: 400, en: 'kind must be one of BEDS, RESIDENTS, STAFF, got {kind}', zh: '导入类型应为 床位、老人 或 员工' },
  IMPORT_FILE_REQUIRED: { status: 400, en: 'send the spreadsheet as the multipart field file', zh: '请选择要上传的 Excel 文件（.xlsx）' },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    en: 'the file is not an Excel workbook (.xlsx); save it as .xlsx from the template',
    zh: '无法读取文件：请使用模板另存为 .xlsx 格式后上传',
  },
  IMPORT_COLUMNS_MISSING: {
    status: 422,
    en: 'the first row must hold the template headers; missing: {columns}',
    zh: '第1行缺少模板的列：{columns}，请使用下载的模板',
  },
  IMPORT_EMPTY: { status: 422, en: 'the file has no data rows below the headers', zh: '文件中没有数据行' },
  IMPORT_TOO_MANY_ROWS: { status: 422, en: 'at most {max} rows per file, got {rows}', zh: '每个文件最多 {max} 行，本文件 {rows} 行' },
  IMPORT_HAS_ERRORS: {
    status: 422,
    en: '{count} problems in the file, nothing was imported; the first: row {row}, {column}: {message}',
    zh: '文件中有 {count} 处错误，未导入任何数据；第一处：第{row}行 {column}：{message}',
  },
} as const satisfies Record<string, ErrorText>;
