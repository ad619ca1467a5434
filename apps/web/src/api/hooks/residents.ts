import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { CareLevel, ResidentCategory } from '@careops/care';
import { api, ApiError, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

export type Resident = components['schemas']['ResidentResponse'];
/** One row of the register 老人档案, and a page of them. */
export type RegisterItem = components['schemas']['RegisterItemResponse'];
export type RegisterPage = components['schemas']['RegisterPageResponse'];
export type RegisterStatus = 'IN_CARE' | 'ON_LEAVE' | 'DISCHARGED' | 'ALL';
export interface RegisterQuery {
  q?: string;
  status: RegisterStatus;
  level?: CareLevel;
  category?: ResidentCategory;
  page: number;
  pageSize: number;
}

/** The register: searched (name, pinyin initials, bed, ID digits), filtered and paged by the API. */
export function useRegister(query: RegisterQuery) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['register', facilityId, query],
    queryFn: async () =>
      // With `page`, the API answers a page (docs/api.md); the plain list is for older clients.
      (await read(
        api.GET('/api/facilities/{facilityId}/residents', {
          params: { path: { facilityId }, query: { ...query, q: query.q?.trim() || undefined } },
        }),
      )) as RegisterPage,
    placeholderData: (previous) => previous,
  });
}

export type ResidentChange = components['schemas']['UpdateResidentDto'];

/** Corrects a resident's record (categories, 户籍, phone, guardian, emergency contacts); audited by the API. */
export function useUpdateResident(residentId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResidentChange) =>
      read(api.PATCH('/api/facilities/{facilityId}/residents/{residentId}', { params: { path: { facilityId, residentId } }, body })),
    onSuccess: (r) => {
      client.setQueryData(['resident', residentId], r);
      return client.invalidateQueries({ queryKey: ['register', facilityId] });
    },
  });
}

/** 再次入住: admits a registered (discharged) resident again — one resident record, a new admission. */
export function useReadmit(residentId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { bedId: string; admittedOn: string; careLevel: CareLevel }) =>
      read(api.POST('/api/facilities/{facilityId}/admissions', { params: { path: { facilityId } }, body: { residentId, ...v } })),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['admissions', residentId] }),
        client.invalidateQueries({ queryKey: ['resident', residentId] }),
        client.invalidateQueries({ queryKey: ['register', facilityId] }),
        client.invalidateQueries({ queryKey: ['beds', facilityId] }),
      ]),
  });
}

/** The resident a 409 `ID_NUMBER_TAKEN` names: who is already registered with the typed ID number, and their state. */
export interface KnownResident {
  residentId: string;
  name: string;
  status: 'IN_CARE' | 'ON_LEAVE' | 'DISCHARGED' | 'REGISTERED';
}

export function knownResident(error: unknown): KnownResident | null {
  if (!(error instanceof ApiError) || error.code !== 'ID_NUMBER_TAKEN' || !error.params) return null;
  const { residentId, name, status } = error.params;
  return { residentId: String(residentId), name: String(name), status: String(status) as KnownResident['status'] };
}
/** An admission with its bed stays and leaves. */
export type Admission = components['schemas']['AdmissionResponse'];
/** A void 撤销 as kept (docs/rules.md §12). */
export type Correction = components['schemas']['CorrectionResponse'];
export type CorrectionKind = Correction['kind'];

/** The voids of a resident, newest first. */
export function useCorrections(residentId: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['corrections', residentId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/corrections', { params: { path: { facilityId }, query: { residentId } } })),
  });
}

/**
 * Voids an entry made in error with a reason (docs/rules.md §12); everything that counted it is
 * refreshed: the resident, the timeline, the board, the register, claims.
 */
export function useVoid(residentId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, id, reason }: { kind: CorrectionKind; id: string; reason: string }) => {
      const body = { reason };
      if (kind === 'ADMISSION')
        return read(
          api.POST('/api/facilities/{facilityId}/admissions/{admissionId}/void', {
            params: { path: { facilityId, admissionId: id } },
            body,
          }),
        );
      if (kind === 'TRANSFER')
        return read(
          api.POST('/api/facilities/{facilityId}/transfers/{stayId}/void', { params: { path: { facilityId, stayId: id } }, body }),
        );
      if (kind === 'LEAVE')
        return read(
          api.POST('/api/facilities/{facilityId}/leaves/{leaveId}/void', { params: { path: { facilityId, leaveId: id } }, body }),
        );
      if (kind === 'DISCHARGE')
        return read(
          api.POST('/api/facilities/{facilityId}/discharges/{admissionId}/void', {
            params: { path: { facilityId, admissionId: id } },
            body,
          }),
        );
      return read(
        api.POST('/api/facilities/{facilityId}/assessments/{assessmentId}/void', {
          params: { path: { facilityId, assessmentId: id } },
          body,
        }),
      );
    },
    onSuccess: () =>
      Promise.all(
        [
          ['admissions', residentId],
          ['assessments', residentId],
          ['corrections', residentId],
          ['resident', residentId],
          ['beds', facilityId],
          ['register', facilityId],
          ['claims'],
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}

export function useResident(residentId: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['resident', residentId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/residents/{residentId}', { params: { path: { facilityId, residentId } } })),
  });
}

export function useAssessments(residentId: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['assessments', residentId],
    queryFn: () =>
      read(api.GET('/api/facilities/{facilityId}/residents/{residentId}/assessments', { params: { path: { facilityId, residentId } } })),
  });
}

/** An assessment as recorded: scored (GB/T 42195-2022, with its items and result) or a level only (docs/rules.md §4a). */
export type Assessment = components['schemas']['AssessmentResponse'];
/** What 录入评估 sends (docs/rules.md §4a): the scored body, or a level or a grade from a day by an assessor. */
export type NewAssessment = components['schemas']['CreateAssessmentDto'];

/** The grade → care level policy in force for the facility on `date` (docs/rules.md §4a): the form previews the level by it. */
export function useLevelPolicy(date: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['level-policy', facilityId, date],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/level-policy', { params: { path: { facilityId }, query: { date } } })),
    placeholderData: (previous) => previous,
  });
}

/** Records an assessment; the timeline, the resident and the bed board are refreshed. */
export function useAddAssessment(residentId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAssessment) =>
      read(
        api.POST('/api/facilities/{facilityId}/residents/{residentId}/assessments', {
          params: { path: { facilityId, residentId } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['assessments', residentId] }),
        client.invalidateQueries({ queryKey: ['resident', residentId] }),
        client.invalidateQueries({ queryKey: ['beds', facilityId] }),
      ]),
  });
}

/** A resident's admissions, each with its bed stays and leaves. */
export function useAdmissions(residentId: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['admissions', residentId],
    // The list gives each admission; its detail gives the bed stays and leaves.
    queryFn: async () => {
      const list = await read(
        api.GET('/api/facilities/{facilityId}/admissions', { params: { path: { facilityId }, query: { residentId } } }),
      );
      return Promise.all(
        list.map((a) =>
          read(api.GET('/api/facilities/{facilityId}/admissions/{admissionId}', { params: { path: { facilityId, admissionId: a.id } } })),
        ),
      );
    },
  });
}

export interface Admittance {
  name: string;
  gender: 'M' | 'F';
  dateOfBirth: string;
  idNumber: string;
  careLevel: CareLevel;
  admittedOn: string;
}

/** 办理入住: registers the resident, then admits to the bed; the board is refetched after. */
export function useAdmit(bedId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  // Registered on a first try whose admission then failed: a retry admits the same person.
  const registered = useRef<{ key: string; id: string } | null>(null);
  return useMutation({
    /** With `existing`, the person already registered (a 409 named them) is admitted again instead. */
    mutationFn: async (v: Admittance & { existing?: string }) => {
      const key = `${v.idNumber}|${v.name}|${v.dateOfBirth}|${v.gender}`;
      const resident = v.existing
        ? { id: v.existing }
        : registered.current?.key === key
          ? { id: registered.current.id }
          : await read(
              api.POST('/api/facilities/{facilityId}/residents', {
                params: { path: { facilityId } },
                body: { name: v.name, gender: v.gender, dateOfBirth: v.dateOfBirth, idNumber: v.idNumber },
              }),
            );
      registered.current = { key, id: resident.id };
      await read(
        api.POST('/api/facilities/{facilityId}/admissions', {
          params: { path: { facilityId } },
          body: { residentId: resident.id, bedId, admittedOn: v.admittedOn, careLevel: v.careLevel },
        }),
      );
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['beds', facilityId] }),
        client.invalidateQueries({ queryKey: ['register', facilityId] }),
      ]),
  });
}

export type StayChange =
  | { action: 'transfer'; bedId: string; on: string }
  | { action: 'leave'; kind: 'LEAVE' | 'HOSPITAL'; from: string; to: string; reason: string }
  | { action: 'discharge'; on: string; reason: string };

/** Transfer, leave or discharge of an admission; the resident's admissions and the board are refetched after. */
export function useStayChange(admissionId: string, residentId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  const path = { facilityId, admissionId };
  return useMutation({
    mutationFn: async (c: StayChange) => {
      if (c.action === 'transfer')
        await read(
          api.POST('/api/facilities/{facilityId}/admissions/{admissionId}/transfer', {
            params: { path },
            body: { bedId: c.bedId, on: c.on },
          }),
        );
      if (c.action === 'leave')
        await read(
          api.POST('/api/facilities/{facilityId}/admissions/{admissionId}/leaves', {
            params: { path },
            body: { from: c.from, to: c.to, reason: c.reason, kind: c.kind },
          }),
        );
      if (c.action === 'discharge')
        await read(
          api.POST('/api/facilities/{facilityId}/admissions/{admissionId}/discharge', {
            params: { path },
            body: { dischargedOn: c.on, reason: c.reason },
          }),
        );
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['admissions', residentId] }),
        client.invalidateQueries({ queryKey: ['beds', facilityId] }),
        client.invalidateQueries({ queryKey: ['resident', residentId] }),
        client.invalidateQueries({ queryKey: ['register', facilityId] }),
      ]),
  });
}
