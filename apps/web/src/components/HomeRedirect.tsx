import { Navigate } from 'react-router';
import type { Me } from '../api/hooks/auth';
import { useAuth } from '../auth';
import { Loading } from './Loading';

function home(me: Me): string {
  // The facility's people start on its 工作台: today's census and what needs doing.
  if (me.role === 'FACILITY_MANAGER' || me.role === 'ACCOUNTANT') return `/f/${me.facilityId}/home`;
  return '/division';
}

/** `/`: each role starts on its own screen. */
export function HomeRedirect() {
  const { me, facility } = useAuth();
  if (!me) return <Loading />;
  // A day center's manager starts on the day's attendance sheet (its 工作台 is one click away).
  return (
    <Navigate
      to={me.role === 'FACILITY_MANAGER' && facility?.type === 'DAY_CENTER' ? `/f/${me.facilityId}/attendance` : home(me)}
      replace
    />
  );
}
