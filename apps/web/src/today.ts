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
