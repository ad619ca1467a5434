import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { FacilityRoute } from './components/FacilityRoute';
import { HomeRedirect } from './components/HomeRedirect';
import { Loading } from './components/Loading';
import { NotFound } from './components/NotFound';
import { PublicLayout } from './components/PublicLayout';
import { RequireSignIn } from './components/RequireSignIn';
import { Shell } from './components/Shell';

// Code-split by route (the first load stays small).
const Login = lazy(() => import('./pages/Login'));
const Home = lazy(() => import('./pages/Home'));
const BedBoard = lazy(() => import('./pages/BedBoard'));
const ResidentPage = lazy(() => import('./pages/ResidentPage'));
const AssessPage = lazy(() => import('./pages/AssessPage'));
const Register = lazy(() => import('./pages/Register'));
const StaffPage = lazy(() => import('./pages/StaffPage'));
const AuditTrail = lazy(() => import('./pages/AuditTrail'));
const StaffingCalendar = lazy(() => import('./pages/StaffingCalendar'));
const Attendance = lazy(() => import('./pages/Attendance'));
const ServiceRecords = lazy(() => import('./pages/ServiceRecords'));
const Claims = lazy(() => import('./pages/Claims'));
const ClaimDetail = lazy(() => import('./pages/ClaimDetail'));
const Reports = lazy(() => import('./pages/Reports'));
const Import = lazy(() => import('./pages/Import'));
const FacilityInfo = lazy(() => import('./pages/FacilityInfo'));
// The dashboard asked for by its address: its code loads while the sign-in is checked, not after (usable ≤ 1 s, docs/rules.md §11).
const divisionPage = () => import('./pages/Division');
if (typeof window !== 'undefined' && window.location.pathname === '/division') void divisionPage();
const Division = lazy(divisionPage);
const DivisionFacility = lazy(() => import('./pages/DivisionFacility'));
const Verify = lazy(() => import('./pages/Verify'));
const Safety = lazy(() => import('./pages/Safety'));
const Billing = lazy(() => import('./pages/Billing'));
const BillingFees = lazy(() => import('./pages/BillingFees'));
const BillingArrears = lazy(() => import('./pages/BillingArrears'));
const BillingPayments = lazy(() => import('./pages/BillingPayments'));

/** The routes: sign-in and the public verification page, then the shell with the facility screens (checked by FacilityRoute) and the rest. */
export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<Login />} />
        {/* Public: the page a document's QR code opens (docs/rules.md §8), no sign-in. */}
        <Route element={<PublicLayout />}>
          <Route path="/verify" element={<Verify />} />
        </Route>
        <Route
          element={
            <RequireSignIn>
              <Shell />
            </RequireSignIn>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="/f/:facilityId" element={<FacilityRoute />}>
            <Route index element={<Navigate to="home" replace />} />
            <Route path="home" element={<Home />} />
            <Route path="beds" element={<BedBoard />} />
            <Route path="residents" element={<Register />} />
            <Route path="residents/:residentId" element={<ResidentPage />} />
            <Route path="residents/:residentId/assess" element={<AssessPage />} />
            <Route path="staff" element={<StaffPage />} />
            <Route path="staffing" element={<StaffingCalendar />} />
            <Route path="attendance" element={<Attendance />} />
            <Route path="services" element={<ServiceRecords />} />
            <Route path="claims" element={<Claims />} />
            <Route path="claims/:claimId" element={<ClaimDetail />} />
            <Route path="reports" element={<Reports />} />
            <Route path="info" element={<FacilityInfo />} />
            <Route path="audit" element={<AuditTrail />} />
            <Route path="import" element={<Import />} />
            <Route path="safety" element={<Safety />} />
            <Route path="billing" element={<Billing />} />
            <Route path="billing/fees" element={<BillingFees />} />
            <Route path="billing/arrears" element={<BillingArrears />} />
            <Route path="billing/payments" element={<BillingPayments />} />
            <Route path="*" element={<NotFound />} />
          </Route>
          <Route path="/division" element={<Division />} />
          <Route path="/division/facility/:facilityId" element={<DivisionFacility />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
