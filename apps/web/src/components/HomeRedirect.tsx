import { Navigate } from 'react-router';
import type { Me } from '../api/hooks/auth';
import { useAuth } from '../auth';
import { Loading } from './Loading';

function home(me: Me): string {
  if (me.role === 'FACILITY_MANAGER') return `/f/${me.facilityId}/beds`;
  if (me.role === 'ACCOUNTANT') return `/f/${me.facilityId}/claims`;
  return '/division';
}

/** `/`: each role starts on its own screen. */
export function HomeRedirect() {
  const { me, facility } = useAuth();
  if (!me) return <Loading />;
  // A day center's manager starts on the day's attendance sheet, a care home's on the bed board.
  return (
    <Navigate
      to={me.role === 'FACILITY_MANAGER' && facility?.type === 'DAY_CENTER' ? `/f/${me.facilityId}/attendance` : home(me)}
      replace
    />
  );
}
