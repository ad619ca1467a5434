import dayjs, { type Dayjs } from 'dayjs';
import { calendarDate, DEFAULT_TIME_ZONE } from '@careops/care';
import { useCurrentFacilityId, useFacility } from './api/hooks/facilities';
import { useAuth } from './auth';

/**
 * Today in the facility's time zone, not the browser's: from 16:00 UTC a browser on UTC would
 * still show yesterday's board in China, and admit on a day the server's data has left.
 */
export function today(timeZone: string = DEFAULT_TIME_ZONE): Dayjs {
  return dayjs(calendarDate(new Date(), timeZone));
}

/** The time zone of the facility on screen (or the user's), else DEFAULT_TIME_ZONE (a regulator's). */
export function useTimeZone(): string {
  const id = useCurrentFacilityId();
  const { facility: own } = useAuth();
  // The user's own facility is known from the start; only another's is asked for.
  const { data: facility } = useFacility(id && id !== own?.id ? id : undefined);
  return (id === own?.id ? own?.timezone : facility?.timezone) ?? DEFAULT_TIME_ZONE;
}

/** Today in the time zone of `useTimeZone`. */
export function useToday(): () => Dayjs {
  const timeZone = useTimeZone();
  return () => today(timeZone);
}

/** The time an instant reads in the facility's time zone, `YYYY-MM-DD HH:mm`. */
export function localTime(at: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

/** A wall-clock time picked in the facility's time zone, as an instant with that zone's offset then (`…T08:30:00+08:00`). */
export function instantOf(wall: Dayjs, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(wall.toDate())
    .find((p) => p.type === 'timeZoneName');
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(name?.value ?? '')?.[1] ?? '+00:00';
  return `${wall.format('YYYY-MM-DDTHH:mm:00')}${offset}`;
}
