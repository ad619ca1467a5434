import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** Service safety (docs/rules.md §10): 九防, incidents, drills and inspections, the month's figures. */
export type RiskAssessment = components['schemas']['RiskAssessmentResponse'];
export type RiskAssessmentBody = components['schemas']['RiskAssessmentDto'];
export type Incident = components['schemas']['IncidentResponse'];
export type IncidentBody = components['schemas']['IncidentDto'];
export type IncidentType = IncidentBody['type'];
export type CloseIncidentBody = components['schemas']['CloseIncidentDto'];
export type SafetyDrill = components['schemas']['SafetyDrillResponse'];
export type SafetyDrillBody = components['schemas']['SafetyDrillDto'];
export type SafetySummary = components['schemas']['SafetySummaryResponse'];

/** A resident's nine-risk assessments, newest first. */
export function useRiskAssessments(residentId: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['risk-assessments', facilityId, residentId],
    queryFn: () =>
      read(
        api.GET('/api/facilities/{facilityId}/residents/{residentId}/risk-assessments', { params: { path: { facilityId, residentId } } }),
      ),
  });
}

export function useAddRiskAssessment(residentId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RiskAssessmentBody) =>
      read(
        api.POST('/api/facilities/{facilityId}/residents/{residentId}/risk-assessments', {
          params: { path: { facilityId, residentId } },
          body,
        }),
      ),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['risk-assessments', facilityId] });
      client.invalidateQueries({ queryKey: ['safety', facilityId] });
    },
  });
}

export function useSafetySummary(month: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['safety', facilityId, 'summary', month],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/safety/summary', { params: { path: { facilityId }, query: { month } } })),
  });
}

export function useIncidents(query: { from?: string; to?: string; type?: IncidentType; state?: 'OPEN' | 'CLOSED' }) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['safety', facilityId, 'incidents', query],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/incidents', { params: { path: { facilityId }, query } })),
  });
}

export function useReportIncident() {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentBody) =>
      read(api.POST('/api/facilities/{facilityId}/incidents', { params: { path: { facilityId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['safety', facilityId] }),
  });
}

export function useCloseIncident(incidentId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CloseIncidentBody) =>
      read(api.POST('/api/facilities/{facilityId}/incidents/{incidentId}/close', { params: { path: { facilityId, incidentId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['safety', facilityId] }),
  });
}

export function useSafetyDrills() {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['safety', facilityId, 'drills'],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/safety-drills', { params: { path: { facilityId }, query: {} } })),
  });
}

export function useRecordDrill() {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SafetyDrillBody) =>
      read(api.POST('/api/facilities/{facilityId}/safety-drills', { params: { path: { facilityId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['safety', facilityId] }),
  });
}

/** Residents in care today, each with their latest nine-risk assessment (null: never assessed). */
export function useLatestRisks() {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['risk-assessments', facilityId, 'latest'],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/risk-assessments', { params: { path: { facilityId } } })),
  });
}
