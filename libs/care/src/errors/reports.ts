import type { ErrorText } from './catalogue';

/** Error codes of reports: the documents, their register and the background jobs (docs/api.md "Errors"). */
export const REPORTS_ERRORS = {
  DOCUMENT_NOT_FOUND: { status: 404, en: 'no document has this code or number', zh: '未找到该文件记录' },
  REPORT_JOB_NOT_FOUND: { status: 404, en: 'job not found', zh: '任务不存在' },
  REPORT_JOB_NO_RESULT: { status: 404, en: 'job {id} has no result yet ({state})', zh: '任务尚无结果' },
  RENDERER_BUSY: { status: 503, en: 'the document renderer is busy; try again shortly', zh: '文件生成繁忙，请稍后重试' },
  RENDERER_RESTARTED: {
    status: 503,
    en: 'the document renderer restarted during this document; try again shortly',
    zh: '文件生成服务已重启，请稍后重试',
  },
  REPORT_NOT_FOR_FACILITY: {
    status: 422,
    en: '{report} is not issued for a {facilityType}: ask for {instead}',
    zh: '{report}不适用于{facilityType}，请改用{instead}',
  },
  ASSESSMENT_NOT_SCORED: {
    status: 422,
    en: 'the assessment of {effectiveOn} was recorded as a level only, not scored: it has no ability assessment report',
    zh: '{effectiveOn} 的评估仅记录了等级（未评分），没有老年人能力评估报告',
  },
  RENDER_TIMEOUT: { status: 503, en: 'the document took too long to render; try again shortly', zh: '文件生成超时，请稍后重试' },
} as const satisfies Record<string, ErrorText>;
