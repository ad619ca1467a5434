import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewDeposit, NewFeeItem, NewPayment, NewRefund, NewUsageCharge } from '../billing';
import { api, read } from '../client';
import { useRouteFacilityId } from './facilities';

/** Every billing answer is cached under ['billing', facilityId, …]: a write refreshes them all (bills, accounts, arrears move together). */
const KEY = 'billing';

/** A billing write (docs/rules.md §9); every billing answer and the 工作台 are asked afresh after it. */
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

/** The fee items: every version, or (with `on`) the versions in force that day. */
export function useFeeItems(on?: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'fee-items', on ?? null],
    queryFn: async () =>
      (await read(api.GET('/api/facilities/{facilityId}/fee-items', { params: { path: { facilityId }, query: { on } } }))).rows,
  });
}

/** A fee item, or a new version of one (same code, later effective date). */
export const useAddFeeItem = () =>
  useBillingWrite((facilityId, body: NewFeeItem) =>
    read(api.POST('/api/facilities/{facilityId}/fee-items', { params: { path: { facilityId } }, body })),
  );

/** 按次收费: a per-use item recorded on a day, billed with that month. */
export const useAddUsageCharge = () =>
  useBillingWrite((facilityId, body: NewUsageCharge) =>
    read(api.POST('/api/facilities/{facilityId}/usage-charges', { params: { path: { facilityId } }, body })),
  );

/** The bills of a month, searched by the API (name, bed code, bill number). */
export function useBills(month: string, q?: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'bills', month, q ?? ''],
    queryFn: async () =>
      (
        await read(
          api.GET('/api/facilities/{facilityId}/bills', { params: { path: { facilityId }, query: { month, q: q?.trim() || undefined } } }),
        )
      ).rows,
    placeholderData: (previous) => previous,
  });
}

export function useBill(billId: string | null) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'bill', billId],
    queryFn: () =>
      read(api.GET('/api/facilities/{facilityId}/bills/{billId}', { params: { path: { facilityId, billId: billId as string } } })),
    enabled: !!billId,
  });
}

/** The month's bill run (idempotent: drafts recomputed, issued bills untouched). */
export const useRunBills = () =>
  useBillingWrite((facilityId, month: string) =>
    read(api.POST('/api/facilities/{facilityId}/bills/run', { params: { path: { facilityId } }, body: { month } })),
  );

export const useIssueBill = () =>
  useBillingWrite((facilityId, billId: string) =>
    read(api.POST('/api/facilities/{facilityId}/bills/{billId}/issue', { params: { path: { facilityId, billId } } })),
  );

/** Issues every draft of the month. */
export const useIssueMonth = () =>
  useBillingWrite((facilityId, month: string) =>
    read(api.POST('/api/facilities/{facilityId}/bills/issue', { params: { path: { facilityId } }, body: { month } })),
  );

/** The resident's account: balances summed from the ledger, bills, payments, the ledger itself. */
export function useAccount(residentId: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'account', residentId],
    queryFn: () =>
      read(api.GET('/api/facilities/{facilityId}/residents/{residentId}/account', { params: { path: { facilityId, residentId } } })),
    retry: false,
  });
}

/** A payment; the Idempotency-Key is made once per dialog, so a double click (or a retry) books one payment. */
export const useTakePayment = (residentId: string) =>
  useBillingWrite((facilityId, v: NewPayment & { idempotencyKey: string }) => {
    const { idempotencyKey, ...body } = v;
    return read(
      api.POST('/api/facilities/{facilityId}/residents/{residentId}/payments', {
        params: { path: { facilityId, residentId } },
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    );
  });

/** A deposit 押金 (capped by the API: 422 DEPOSIT_OVER_CAP), with the same Idempotency-Key rule. */
export const useTakeDeposit = (residentId: string) =>
  useBillingWrite((facilityId, v: NewDeposit & { idempotencyKey: string }) => {
    const { idempotencyKey, ...body } = v;
    return read(
      api.POST('/api/facilities/{facilityId}/residents/{residentId}/deposits', {
        params: { path: { facilityId, residentId } },
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    );
  });

export const useRefund = (residentId: string) =>
  useBillingWrite((facilityId, body: NewRefund) =>
    read(api.POST('/api/facilities/{facilityId}/residents/{residentId}/refunds', { params: { path: { facilityId, residentId } }, body })),
  );

/** Payments and deposits received from `from` up to (not including) `to`. */
export function usePayments(from: string, to: string, q?: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'payments', from, to, q ?? ''],
    queryFn: async () =>
      (
        await read(
          api.GET('/api/facilities/{facilityId}/payments', {
            params: { path: { facilityId }, query: { from, to, q: q?.trim() || undefined } },
          }),
        )
      ).rows,
    placeholderData: (previous) => previous,
  });
}

export function useArrears(asOf: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'arrears', asOf],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/billing/arrears', { params: { path: { facilityId }, query: { asOf } } })),
  });
}

/** Records a reminder 催缴 for each resident (audited by the API). */
export const useRemind = () =>
  useBillingWrite((facilityId, residentIds: string[]) =>
    read(api.POST('/api/facilities/{facilityId}/billing/arrears/reminders', { params: { path: { facilityId } }, body: { residentIds } })),
  );

/** 待结算: discharged residents with money held or owed. */
export function usePendingSettlements(enabled = true) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: [KEY, facilityId, 'settlements-pending'],
    queryFn: async () =>
      (await read(api.GET('/api/facilities/{facilityId}/billing/settlements/pending', { params: { path: { facilityId } } }))).rows,
    enabled,
  });
}

/** 退住结算 of a discharged admission: final bill, refund of deposit and prepayment minus what is owed. */
export const useSettle = () =>
  useBillingWrite(
    (
      facilityId,
      v: { admissionId: string; settledOn?: string; method: 'CASH' | 'BANK_TRANSFER' | 'WECHAT' | 'ALIPAY'; reference?: string },
    ) => {
      const { admissionId, ...body } = v;
      return read(
        api.POST('/api/facilities/{facilityId}/admissions/{admissionId}/settle', { params: { path: { facilityId, admissionId } }, body }),
      );
    },
  );
