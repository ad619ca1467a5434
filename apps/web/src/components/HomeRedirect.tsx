import { Navigate } from 'react-router';
import type { Me } from '../api/hooks/auth';
import { useFacility } from '../api/hooks/facilities';
import { useAuth } from '../auth';
import { Loading } from './Loading';

function home(me: Me): string {
  if (me.role === 'FACILITY_MANAGER') return `/f/${me.facilityId}/beds`;
  if (me.role === 'ACCOUNTANT') return `/f/${me.facilityId}/claims`;
  return '/division';
}

/** `/`: each role starts on its own screen. */
export function HomeRedirect() {
  const { me } = useAuth();
  // A day center's manager starts on the day's attendance sheet, a care home's on the bed board.
  const { data: facility, isLoading } = useFacility(me?.role === 'FACILITY_MANAGER' ? me.facilityId : undefined);
  if (!me || (me.role === 'FACILITY_MANAGER' && isLoading)) return <Loading />;
  return (
    <Navigate
      to={me.role === 'FACILITY_MANAGER' && facility?.type === 'DAY_CENTER' ? `/f/${me.facilityId}/attendance` : home(me)}
      replace
    />
  );
}
