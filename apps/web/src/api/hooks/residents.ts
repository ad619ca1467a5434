import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { CareLevel } from '@careops/care';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

export type Resident = components['schemas']['ResidentResponse'];
/** An admission with its bed stays and leaves. */
export type Admission = components['schemas']['AdmissionResponse'];

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
    mutationFn: async (v: Admittance) => {
      const key = `${v.idNumber}|${v.name}|${v.dateOfBirth}|${v.gender}`;
      const resident =
        registered.current?.key === key
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
    onSuccess: () => client.invalidateQueries({ queryKey: ['beds', facilityId] }),
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
      ]),
  });
}
