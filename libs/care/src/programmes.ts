/** docs/rules.md §2: the kinds of facility. */
export const FACILITY_TYPES = ['CARE_HOME', 'DAY_CENTER', 'STREET_CENTER'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];
export const FACILITY_TYPE_LABELS: Record<FacilityType, string> = {
  CARE_HOME: '养老机构',
  DAY_CENTER: '社区日间照料中心',
  STREET_CENTER: '街道综合养老服务中心',
};

/** docs/rules.md §5: the subsidy programmes one policy engine pays, each with its own rates. */
export const PROGRAMMES = ['INSTITUTIONAL_CARE', 'HOME_CARE_BED', 'DAY_CENTER_OPERATION'] as const;
export type Programme = (typeof PROGRAMMES)[number];
export const PROGRAMME_LABELS: Record<Programme, string> = {
  INSTITUTIONAL_CARE: '机构养老服务补贴',
  HOME_CARE_BED: '家庭养老床位服务补贴',
  DAY_CENTER_OPERATION: '日间照料中心运营补贴',
};

/** Which facilities may claim what (docs/rules.md §2: a street center does both full-time and day care). */
export const PROGRAMME_CLAIMANTS: Record<Programme, readonly FacilityType[]> = {
  INSTITUTIONAL_CARE: ['CARE_HOME', 'STREET_CENTER'],
  HOME_CARE_BED: ['CARE_HOME', 'STREET_CENTER', 'DAY_CENTER'],
  DAY_CENTER_OPERATION: ['DAY_CENTER', 'STREET_CENTER'],
};
