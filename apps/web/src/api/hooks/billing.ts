import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Account,
  Arrears,
  Bill,
  BillRun,
  BillSummary,
  FeeItem,
  NewFeeItem,
  NewPayment,
  NewRefund,
  Payment,
  PendingSettlement,
  Refund,
  Settlement,
  UsageCharge,
} from '../billing';
import { ApiError, authedFetch, type ErrorBody } from '../client';
import { useRouteFacilityId } from './facilities';

/** One call to a billing route of the facility (docs/rules.md §9): its JSON, or an ApiError with the API's code. */
async function call<T>(
  facilityId: string,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; query?: Record<string, string | undefined>; headers?: Record<string, string> } = {},
): Promise<T> {
  const query = Object.entries(init.query ?? {}).filter((e): e is [string, string] => !!e[1]);
  const url = `/api/facilities/${facilityId}/${path}${query.length ? `?${new URLSearchParams(query)}` : ''}`;
  const res = await authedFetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => undefined)) as ErrorBody | undefined);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Every billing answer is cached under ['billing', facilityId, …]: a write refreshes them all (bills, accounts, arrears move together). */
const KEY = 'billing';

function useBillingWrite<V, R>(write: (facilityId: string, v: V) => Promise<R>) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => write(facilityId, v),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [KEY, facilityId] }),
        client.invalidateQueries({ queryKey: ['home', facilityId] }),
      ]),
  });
}

export function useFeeItems(on?: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'fee-items', on ?? null],
    queryFn: () => call<{ rows: FeeItem[] }>(facilityId, 'fee-items', { query: { on } }).then((r) => r.rows),
  });
}

/** A fee item, or a new version of one (same code, later effective date). */
export const useAddFeeItem = () =>
  useBillingWrite((facilityId, body: NewFeeItem) => call<FeeItem>(facilityId, 'fee-items', { method: 'POST', body }));

export function useUsageCharges(month: string, residentId?: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'usage', month, residentId ?? null],
    queryFn: () => call<{ rows: UsageCharge[] }>(facilityId, 'usage-charges', { query: { month, residentId } }).then((r) => r.rows),
  });
}

export const useAddUsageCharge = () =>
  useBillingWrite((facilityId, body: { residentId: string; code: string; on: string; quantity: number; note?: string }) =>
    call<UsageCharge>(facilityId, 'usage-charges', { method: 'POST', body }),
  );

export function useBills(month: string, q?: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'bills', month, q ?? ''],
    queryFn: () => call<{ rows: BillSummary[] }>(facilityId, 'bills', { query: { month, q: q?.trim() || undefined } }).then((r) => r.rows),
    placeholderData: (previous) => previous,
  });
}

export function useBill(billId: string | null) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'bill', billId],
    queryFn: () => call<Bill>(facilityId, `bills/${billId}`),
    enabled: !!billId,
  });
}

/** The month's bill run (idempotent: drafts recomputed, issued bills untouched). */
export const useRunBills = () =>
  useBillingWrite((facilityId, month: string) => call<BillRun>(facilityId, 'bills/run', { method: 'POST', body: { month } }));

export const useIssueBill = () =>
  useBillingWrite((facilityId, billId: string) => call<BillSummary>(facilityId, `bills/${billId}/issue`, { method: 'POST' }));

export const useIssueMonth = () =>
  useBillingWrite((facilityId, month: string) => call<{ issued: number }>(facilityId, 'bills/issue', { method: 'POST', body: { month } }));

export function useAccount(residentId: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'account', residentId],
    queryFn: () => call<Account>(facilityId, `residents/${residentId}/account`),
    retry: false,
  });
}

/** A payment (or a deposit); the Idempotency-Key is made once per dialog, so a double click books one payment. */
export const useTakePayment = (residentId: string, kind: 'payments' | 'deposits') =>
  useBillingWrite((facilityId, v: NewPayment & { idempotencyKey: string }) => {
    const { idempotencyKey, ...body } = v;
    return call<Payment>(facilityId, `residents/${residentId}/${kind}`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  });

export const useRefund = (residentId: string) =>
  useBillingWrite((facilityId, body: NewRefund) => call<Refund>(facilityId, `residents/${residentId}/refunds`, { method: 'POST', body }));

export function usePayments(from: string, to: string, q?: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'payments', from, to, q ?? ''],
    queryFn: () =>
      call<{ rows: Payment[] }>(facilityId, 'payments', { query: { from, to, q: q?.trim() || undefined } }).then((r) => r.rows),
    placeholderData: (previous) => previous,
  });
}

export function useArrears(asOf: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'arrears', asOf],
    queryFn: () => call<Arrears>(facilityId, 'billing/arrears', { query: { asOf } }),
  });
}

export const useRemind = () =>
  useBillingWrite((facilityId, residentIds: string[]) =>
    call<{ reminded: number }>(facilityId, 'billing/arrears/reminders', { method: 'POST', body: { residentIds } }),
  );

export function usePendingSettlements(enabled = true) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'settlements-pending'],
    queryFn: () => call<{ rows: PendingSettlement[] }>(facilityId, 'billing/settlements/pending').then((r) => r.rows),
    enabled,
  });
}

/** 退住结算 of a discharged admission: final bill, refund of deposit and prepayment minus what is owed. */
export const useSettle = () =>
  useBillingWrite((facilityId, v: { admissionId: string; settledOn?: string; method: string; reference?: string }) => {
    const { admissionId, ...body } = v;
    return call<Settlement>(facilityId, `admissions/${admissionId}/settle`, { method: 'POST', body });
  });
