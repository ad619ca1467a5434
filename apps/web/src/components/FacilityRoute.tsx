import { Outlet, useParams } from 'react-router';
import { useFacility } from '../api/hooks/facilities';
import { Failed } from './Failed';
import { Loading } from './Loading';

/** A facility page answers only for the caller's facility (or a regulator's); anything else is "not found". */
export function FacilityRoute() {
  const { facilityId } = useParams();
  const { isLoading, error } = useFacility(facilityId);
  if (isLoading) return <Loading />;
  if (error) return <Failed error={error} />;
  return <Outlet />;
}
