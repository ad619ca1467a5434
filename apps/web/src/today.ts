import dayjs, { type Dayjs } from 'dayjs';
import { calendarDate } from '@careops/care';

/**
 * Today in the facility's time zone (docs/api.md: Asia/Shanghai), not the browser's: from 16:00 UTC a
 * browser on UTC would still show yesterday's board, and admit on a day the server's data has left.
 */
export function today(): Dayjs {
  return dayjs(calendarDate(new Date()));
}
