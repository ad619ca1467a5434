import { Outlet, useParams } from 'react-router';
import { useFacility } from '../api/hooks/facilities';
import { useAuth } from '../auth';
import { Failed } from './Failed';
import { Loading } from './Loading';

/**
 * A facility page answers only for the caller's facility (or a regulator's); anything else is "not
 * found". The user's own facility is known from the start (bootstrap): its pages load at once.
 */
export function FacilityRoute() {
  const { facilityId } = useParams();
  const { facility: own } = useAuth();
  const { isLoading, error } = useFacility(facilityId && facilityId !== own?.id ? facilityId : undefined);
  if (isLoading) return <Loading />;
  if (error) return <Failed error={error} />;
  return <Outlet />;
}
