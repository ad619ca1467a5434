import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** A member of staff with their certificates and trainings. */
export type Staff = components['schemas']['StaffResponse'];
/** A day of the staffing check (docs/rules.md §6). */
export type StaffingDay = components['schemas']['StaffingDayResponse'];

/** The facility's staff with their certificates and trainings. */
export function useStaff() {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['staff', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/staff', { params: { path: { facilityId } } })),
  });
}

/** Staffing compliance day by day, `from`–`to` inclusive (docs/rules.md §6). */
export function useStaffing(from: string, to: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['staffing', facilityId, from, to],
    queryFn: () =>
      read(api.GET('/api/facilities/{facilityId}/compliance/staffing', { params: { path: { facilityId }, query: { from, to } } })),
  });
}

/** The body of a new staff member (POST staff). */
export type NewStaff = components['schemas']['CreateStaffDto'];
/** The fields a change of a staff member sets (PATCH staff/:id; `employedTo` ends employment). */
export type StaffChanges = components['schemas']['UpdateStaffDto'];
/** A certificate as entered (type, number, level?, issuedOn, expiresOn). */
export type NewCertificate = components['schemas']['CertificateDto'];
/** A training as entered (course, completedOn, passed). */
export type NewTraining = components['schemas']['TrainingDto'];

/** After any write: the list and the staffing check both change. */
function useRefreshStaff() {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['staff', facilityId] }),
      client.invalidateQueries({ queryKey: ['staffing', facilityId] }),
    ]);
}

/** 新增员工. */
export function useAddStaff() {
  const facilityId = useRouteFacilityId();
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: (body: NewStaff) => read(api.POST('/api/facilities/{facilityId}/staff', { params: { path: { facilityId } }, body })),
    onSuccess: refresh,
  });
}

/** 编辑 or 办理离职 (employedTo). */
export function useUpdateStaff(staffId: string) {
  const facilityId = useRouteFacilityId();
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: (body: StaffChanges) =>
      read(api.PATCH('/api/facilities/{facilityId}/staff/{staffId}', { params: { path: { facilityId, staffId } }, body })),
    onSuccess: refresh,
  });
}

/** Adds a certificate, or corrects the one whose id is given. */
export function useSaveCertificate(staffId: string) {
  const facilityId = useRouteFacilityId();
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: NewCertificate }) =>
      id
        ? read(
            api.PATCH('/api/facilities/{facilityId}/staff/{staffId}/certificates/{certificateId}', {
              params: { path: { facilityId, staffId, certificateId: id } },
              body,
            }),
          )
        : read(api.POST('/api/facilities/{facilityId}/staff/{staffId}/certificates', { params: { path: { facilityId, staffId } }, body })),
    onSuccess: refresh,
  });
}

/** Adds a training, or corrects the one whose id is given. */
export function useSaveTraining(staffId: string) {
  const facilityId = useRouteFacilityId();
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: NewTraining }) =>
      id
        ? read(
            api.PATCH('/api/facilities/{facilityId}/staff/{staffId}/trainings/{trainingId}', {
              params: { path: { facilityId, staffId, trainingId: id } },
              body,
            }),
          )
        : read(api.POST('/api/facilities/{facilityId}/staff/{staffId}/trainings', { params: { path: { facilityId, staffId } }, body })),
    onSuccess: refresh,
  });
}

/** Removes a wrongly entered certificate or training. */
export function useRemoveQualification(staffId: string) {
  const facilityId = useRouteFacilityId();
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: 'certificate' | 'training'; id: string }) =>
      kind === 'certificate'
        ? read(
            api.DELETE('/api/facilities/{facilityId}/staff/{staffId}/certificates/{certificateId}', {
              params: { path: { facilityId, staffId, certificateId: id } },
            }),
          )
        : read(
            api.DELETE('/api/facilities/{facilityId}/staff/{staffId}/trainings/{trainingId}', {
              params: { path: { facilityId, staffId, trainingId: id } },
            }),
          ),
    onSuccess: refresh,
  });
}
