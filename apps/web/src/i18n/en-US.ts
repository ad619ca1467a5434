import type { Messages } from './zh-CN';

/** The English words of the screens, typed against zh-CN: a missing or extra key fails the type check. */
export const enUS: Messages = {
  appName: 'careops', login: 'Sign in', username: 'Username', password: 'Password', logout: 'Sign out', demoAccounts: 'Demo accounts (click to fill)',
  loginFailed: 'Wrong username or password', beds: 'Bed board', residents: 'Residents', staff: 'Staff & certificates', staffing: 'Staffing', attendance: 'Day-center attendance',
  claims: 'Subsidy claims', division: 'Division', verify: 'Verify a document', notFound: 'This page does not exist, or is not yours', backHome: 'Home',
  free: 'Free', occupied: 'Occupied', onLeave: 'On leave', outOfService: 'Out of service', nursing: 'Nursing', general: 'General', floor: 'Floor', room: 'Room',
  date: 'Date', admit: 'Admit', admitTo: 'Admit to bed', name: 'Name', gender: 'Gender', male: 'Male', female: 'Female', dateOfBirth: 'Date of birth',
  idNumber: 'ID number', careLevel: 'Care level', admittedOn: 'Admitted on', save: 'Save', cancel: 'Cancel', saved: 'Saved', since: 'since',
  SELF_CARE: 'Self-care', SEMI_DISABLED: 'Semi-disabled', FULLY_DISABLED: 'Fully disabled', unassessed: 'Unassessed', transfer: 'Transfer', leave: 'Leave', discharge: 'Discharge',
  stays: 'Stays', leaves: 'Leaves', assessments: 'Assessments', levelHistory: 'Level history', from: 'From', to: 'To', reason: 'Reason', bed: 'Bed',
  required: 'Required', counted: 'Counted', compliant: 'Compliant', nonCompliant: 'Not compliant', excluded: 'Not counted', certificates: 'Certificates', expiresOn: 'Expires',
  expiringSoon: 'Expiring within 30 days', role: 'Role', fte: 'FTE', month: 'Month', generate: 'Generate / regenerate draft', number: 'Number', state: 'State', total: 'Total',
  lines: 'Lines', days: 'Days', rate: 'Rate', amount: 'Amount', kind: 'Kind', regular: 'Regular', adjustment: 'Adjustment', explanation: 'Explanation',
  submit: 'Submit', approve: 'Record approval', reject: 'Record rejection', pay: 'Record payment', downloadPdf: 'PDF', downloadCsv: 'CSV', downloadXlsx: 'Excel',
  policy: 'Policy version', segments: 'Days in care', formula: 'Formula', facility: 'Facility', bedsInService: 'Beds in service', nursingBeds: 'Nursing beds',
  nursingRatio: 'Nursing ratio', occupancy: 'Occupancy', staffingCompliance: 'Staffing compliance', lastReport: 'Last report', summaryPdf: 'Division summary PDF',
  compliancePdf: 'Compliance', belowTarget: 'below the 55 % target', jobRunning: 'Generating…', verifyHint: 'Choose a PDF this system issued, or type its verification code',
  valid: 'Valid document', invalid: 'No such document', issuedAt: 'Issued', requestedBy: 'Requested by', empty: 'Nothing yet', error: 'Could not load; try again', retry: 'Retry',
  members: 'Members', checkIn: 'In', checkOut: 'Out', rejectReason: 'Reason for rejection', confirm: 'OK', DRAFT: 'Draft', SUBMITTED: 'Submitted', APPROVED: 'Approved', REJECTED: 'Rejected', PAID: 'Paid',
  LEAVE: 'Leave', HOSPITAL: 'Hospital', on: 'On', hover: 'Hover for the resident', category: 'Category',
};
