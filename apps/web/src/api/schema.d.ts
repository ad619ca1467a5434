// Generated from openapi.json by apps/web/scripts/api-types.mjs; do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database reachable and migrations current (200), else 503 */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and migrations current (200), else 503 naming what is down; 503 while draining */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (200); no dependency is checked */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: an access token (≤ 15 min) and a refresh token */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new pair for a refresh token (each works once; reuse revokes the family) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the refresh token and its family */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the token belongs to */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts: every one for the platform, the facility's own for its manager */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a facility user (facilityId) or a regulator (divisionCode) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate an account: its sessions end at once (its access tokens answer 401 from the next request) */
        post: operations["UsersController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a deactivated account (the user signs in again) */
        post: operations["UsersController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The facility's audit trail in [from, to), newest first, paginated */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Facilities the caller may see: admin all, regulator its division, others their own */
        get: operations["FacilitiesController_list"];
        put?: never;
        /** Create a facility (a tenant) */
        post: operations["FacilitiesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The facility and its checks */
        get: operations["FacilitiesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update the facility and its checks (fire safety, medical arrangement, standards) */
        patch: operations["FacilitiesController_update"];
        trace?: never;
    };
    "/api/facilities/{facilityId}/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Residents with their current care level; ID numbers masked */
        get: operations["ResidentsController_list"];
        put?: never;
        /** Register a resident (the ID number is validated, stored encrypted, shown masked) */
        post: operations["ResidentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/residents/{residentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A resident; `?reveal=idNumber` shows the full ID number to a manager and audits it */
        get: operations["ResidentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a resident (a new ID number is checked against the birth date) */
        patch: operations["ResidentsController_update"];
        trace?: never;
    };
    "/api/facilities/{facilityId}/residents/{residentId}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assessment history, oldest first */
        get: operations["ResidentsController_assessments"];
        put?: never;
        /** Record an ability assessment (grade or care level), effective on its date */
        post: operations["ResidentsController_assess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rooms, by building, floor and number */
        get: operations["BedsController_rooms"];
        put?: never;
        /** Add a room (building, floor, number) */
        post: operations["BedsController_createRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/beds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bed board on a date: every bed with its occupant (or leave), or out of service */
        get: operations["BedsController_board"];
        put?: never;
        /** Add a bed to a room: code unique in the facility, kind NURSING (护理型) or GENERAL (普通) */
        post: operations["BedsController_createBed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/beds/{bedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a bed; inService false/true starts/ends an out-of-service period (reason required) */
        patch: operations["BedsController_update"];
        trace?: never;
    };
    "/api/facilities/{facilityId}/admissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admissions, newest first */
        get: operations["AdmissionsController_list"];
        put?: never;
        /** 入住: admit a resident to a bed from admittedOn; 409 if the bed is taken on any day */
        post: operations["AdmissionsController_admit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/admissions/{admissionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An admission with its bed stays and leaves */
        get: operations["AdmissionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/admissions/{admissionId}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转床: move to another bed on a day (one stay closes, the next opens, together) */
        post: operations["AdmissionsController_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/admissions/{admissionId}/discharge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退住: the discharge day is the first day no longer in care */
        post: operations["AdmissionsController_discharge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/admissions/{admissionId}/leaves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 请假 / 外出住院: [from, to) within the stay; the bed is kept */
        post: operations["AdmissionsController_leave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/home-care-beds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 家庭养老床位: residents served at home, newest first */
        get: operations["HomeCareBedsController_list"];
        put?: never;
        /** Enrol a resident in a home-care bed from a date (建床) */
        post: operations["HomeCareBedsController_enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/home-care-beds/{homeCareBedId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the enrolment: `on` is the first day no longer served (撤床) */
        post: operations["HomeCareBedsController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/day-members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members on a date (default today) with their care level */
        get: operations["DayCareController_members"];
        put?: never;
        /** Enrol a resident as a day-center member (with a care level) */
        post: operations["DayCareController_enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/day-members/{memberId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a membership (leftOn: first day no longer a member) */
        post: operations["DayCareController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attendance sheet of a day: every member, present or not */
        get: operations["DayCareController_attendance"];
        put?: never;
        /** Check a member in (and out) for a day */
        post: operations["DayCareController_checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/attendance/{attendanceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Check a member out */
        patch: operations["DayCareController_checkOut"];
        trace?: never;
    };
    "/api/facilities/{facilityId}/service-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service records in [from, to) */
        get: operations["DayCareController_services"];
        put?: never;
        /** Record a service of the six helps 六助: who served, what, when */
        post: operations["DayCareController_serve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff with trainings and certificates */
        get: operations["StaffController_list"];
        put?: never;
        /** Add a staff member (role, employment dates, FTE) */
        post: operations["StaffController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/staff/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A staff member */
        get: operations["StaffController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff member (e.g. employedTo when they leave) */
        patch: operations["StaffController_update"];
        trace?: never;
    };
    "/api/facilities/{facilityId}/staff/{staffId}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a certificate 职业技能等级证书, valid on [issuedOn, expiresOn) */
        post: operations["StaffController_certificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/staff/{staffId}/trainings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a training (先培训后上岗) */
        post: operations["StaffController_training"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/compliance/staffing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per day: residents by level, required vs counted caregivers, who is excluded and why; and a summary */
        get: operations["StaffController_staffing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/compliance/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts the worker wrote: tomorrow projected non-compliant */
        get: operations["StaffController_alerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Claims, newest month first */
        get: operations["ClaimsController_list"];
        put?: never;
        /** Create or regenerate the month's DRAFT claim (idempotent: same facts, same claim) */
        post: operations["ClaimsController_draft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/claims/{claimId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A claim with its lines, each explained (segments, policy version, formula) */
        get: operations["ClaimsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/claims/{claimId}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lines as CSV (UTF-8 with BOM, opens in Excel) */
        get: operations["ClaimsController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/claims/{claimId}/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The claim as an Excel workbook: lines, and totals by level */
        get: operations["ClaimsController_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/claims/{claimId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** DRAFT → SUBMITTED (the claim is frozen from now on) */
        post: operations["ClaimsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/claims/{claimId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the bureau's approval: SUBMITTED → APPROVED */
        post: operations["ClaimsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/claims/{claimId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the bureau's rejection with its reason: SUBMITTED → REJECTED */
        post: operations["ClaimsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/claims/{claimId}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the payment: APPROVED → PAID */
        post: operations["ClaimsController_pay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subsidy-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of every subsidy policy */
        get: operations["PoliciesController_list"];
        put?: never;
        /** Add a policy version (rates in fen per care level, eligibility), effective from a date, for a division */
        post: operations["PoliciesController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** DOMAIN.md §7 metrics on a date or over a month, each against its target */
        get: operations["MetricsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/divisions/{code}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 辖区汇总: one row per facility of the division and the total as a ratio of sums */
        get: operations["DivisionsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/reports/claim/{claimId}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 养老服务补贴申领表 (PDF) */
        get: operations["ReportsController_claim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/reports/compliance.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 养老机构合规报告 (PDF) */
        get: operations["ReportsController_compliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/reports/compliance.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 养老机构合规报告 as HTML: a preview, not numbered, not recorded */
        get: operations["ReportsController_complianceHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/reports/operations.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月度运营报表 (PDF) */
        get: operations["ReportsController_operations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/divisions/{code}/summary.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 辖区汇总表 (PDF) */
        get: operations["DivisionReportsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{codeOrNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a PDF this system issued, by the SHA-256 of the file, the code printed on it or its number: what it is, never who asked for it */
        get: operations["DocumentsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/divisions/{code}/summary-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the 辖区汇总表 PDF as a background job; poll GET /api/jobs/:id */
        post: operations["ReportJobsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{facilityId}/reports/claim-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue every claim PDF of a year as a background job; the result is a ZIP of them */
        post: operations["ReportJobsController_claims"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background job of yours: state, percent, result link */
        get: operations["ReportJobsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{jobId}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The document a finished job produced */
        get: operations["ReportJobsController_result"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo-logins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The demo logins, in demo mode only (else []) */
        get: operations["DemoController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LoginDto: {
            /** @example manager */
            username: string;
            /** @example Lotus-Pond-7731 */
            password: string;
        };
        TokenPairDto: {
            accessToken: string;
            refreshToken: string;
            /** @description seconds until the access token expires */
            expiresIn: number;
        };
        RefreshDto: {
            refreshToken: string;
        };
        CreateUserDto: {
            /** @example wang.manager */
            username: string;
            password: string;
            /** @enum {string} */
            role: "PLATFORM_ADMIN" | "FACILITY_MANAGER" | "ACCOUNTANT" | "REGULATOR";
            /** @description for FACILITY_MANAGER and ACCOUNTANT */
            facilityId?: string;
            /**
             * @description for REGULATOR: 6-digit division code
             * @example 410400
             */
            divisionCode?: string;
            /** @example 王院长 */
            displayName?: string;
        };
        DeactivateUserDto: {
            /**
             * @description why the account ends (kept with it and in the audit trail)
             * @example 已离职
             */
            reason: string;
        };
        Object: Record<string, never>;
        CreateFacilityDto: {
            /** @example 平顶山市颐康养老院 */
            name: string;
            /** @enum {string} */
            type: "CARE_HOME" | "DAY_CENTER" | "STREET_CENTER";
            /**
             * @description GB/T 2260 division code, 6 digits
             * @example 410421
             */
            divisionCode: string;
            /** @example 6800 */
            buildingAreaM2: number;
            address?: string;
            /** @description 备案号 */
            licenseNumber?: string;
            /** @enum {string} */
            operatorKind?: "PUBLIC" | "PRIVATE" | "PUBLIC_BUILT_PRIVATE_RUN";
        };
        UpdateFacilityDto: {
            /** @example 平顶山市颐康养老院 */
            name?: string;
            /** @enum {string} */
            type?: "CARE_HOME" | "DAY_CENTER" | "STREET_CENTER";
            /**
             * @description GB/T 2260 division code, 6 digits
             * @example 410421
             */
            divisionCode?: string;
            /** @example 6800 */
            buildingAreaM2?: number;
            address?: string;
            /** @description 备案号 */
            licenseNumber?: string;
            /** @enum {string} */
            operatorKind?: "PUBLIC" | "PRIVATE" | "PUBLIC_BUILT_PRIVATE_RUN";
            /**
             * @description 消防达标 date
             * @example 2026-03-01
             */
            fireSafetyPassedOn?: string;
            /**
             * @description 医养结合
             * @enum {string}
             */
            medicalArrangement?: "IN_HOUSE_CLINIC" | "SIGNED_AGREEMENT" | "NONE";
            /** @description GB 38600 safety self-check date */
            safetyStandardCheckedOn?: string;
            /** @description GB/T 35796 quality self-check date */
            qualityStandardCheckedOn?: string;
        };
        EmergencyContactDto: {
            /** @example 王建国 */
            name: string;
            /** @example 儿子 */
            relation: string;
            /** @example 13803751234 */
            phone: string;
        };
        CreateResidentDto: {
            /** @example 王秀英 */
            name: string;
            /** @enum {string} */
            gender: "M" | "F";
            /** @example 1948-05-12 */
            dateOfBirth: string;
            /**
             * @description stored encrypted; every read shows it masked
             * @example 410421194805121234
             */
            idNumber: string;
            /** @description 户籍地 */
            hukou?: string;
            phone?: string;
            categories?: ("TEKUN" | "DIBAO" | "LOW_INCOME" | "ADVANCED_AGE" | "LIVING_ALONE" | "FAMILY_PLANNING_SPECIAL")[];
            emergencyContacts?: components["schemas"]["EmergencyContactDto"][];
        };
        UpdateResidentDto: {
            /** @example 王秀英 */
            name?: string;
            /** @enum {string} */
            gender?: "M" | "F";
            /** @example 1948-05-12 */
            dateOfBirth?: string;
            /** @description 户籍地 */
            hukou?: string;
            phone?: string;
            categories?: ("TEKUN" | "DIBAO" | "LOW_INCOME" | "ADVANCED_AGE" | "LIVING_ALONE" | "FAMILY_PLANNING_SPECIAL")[];
            emergencyContacts?: components["schemas"]["EmergencyContactDto"][];
            idNumber?: string;
        };
        CreateAssessmentDto: {
            /** @enum {string} */
            careLevel?: "SELF_CARE" | "SEMI_DISABLED" | "FULLY_DISABLED";
            /**
             * @description GB/T 42195-2022 grade; sets the care level
             * @enum {string}
             */
            grade?: "INTACT" | "MILD" | "MODERATE" | "SEVERE" | "COMPLETE";
            /** @example 2026-03-15 */
            effectiveOn: string;
            /** @example 李评估员 */
            assessor: string;
            notes?: string;
        };
        CreateRoomDto: {
            /** @example 1号楼 */
            building: string;
            /** @example 2 */
            floor: number;
            /** @example 201 */
            number: string;
        };
        CreateBedDto: {
            /** @example A-201-1 */
            code: string;
            roomId: string;
            /**
             * @description 护理型 / 普通
             * @enum {string}
             */
            kind: "NURSING" | "GENERAL";
            /** @default true */
            inService?: boolean;
            /** @description why it is out of service, when inService is false */
            reason?: string;
        };
        UpdateBedDto: {
            code?: string;
            /** @enum {string} */
            kind?: "NURSING" | "GENERAL";
            inService?: boolean;
            /** @example 维修 */
            reason?: string;
            /** @example 2026-11-24 */
            on?: string;
        };
        CreateAdmissionDto: {
            residentId: string;
            bedId: string;
            /** @example 2026-03-15 */
            admittedOn: string;
            /**
             * @description records an assessment effective on admittedOn
             * @enum {string}
             */
            careLevel?: "SELF_CARE" | "SEMI_DISABLED" | "FULLY_DISABLED";
        };
        TransferDto: {
            bedId: string;
            /** @example 2026-04-01 */
            on: string;
        };
        DischargeDto: {
            /**
             * @description the first day no longer in care (DOMAIN.md §5)
             * @example 2026-05-01
             */
            dischargedOn: string;
            /** @example 回家养老 */
            reason: string;
        };
        LeaveDto: {
            /** @example 2026-04-10 */
            from: string;
            /**
             * @description first day back (exclusive)
             * @example 2026-04-13
             */
            to: string;
            /** @example 春节回家 */
            reason: string;
            /**
             * @default LEAVE
             * @enum {string}
             */
            kind?: "LEAVE" | "HOSPITAL";
        };
        CreateHomeCareBedDto: {
            residentId: string;
            /** @example 2026-03-01 */
            from: string;
            /** @example 宝丰县城关镇人民路12号 */
            address: string;
            /**
             * @description records an assessment effective on `from`
             * @enum {string}
             */
            careLevel?: "SELF_CARE" | "SEMI_DISABLED" | "FULLY_DISABLED";
        };
        EndHomeCareBedDto: {
            /** @example 2026-06-01 */
            on: string;
        };
        EnrolDto: {
            residentId: string;
            /** @example 2026-11-01 */
            enrolledOn: string;
            /**
             * @description records an assessment effective on enrolledOn
             * @enum {string}
             */
            careLevel?: "SELF_CARE" | "SEMI_DISABLED" | "FULLY_DISABLED";
        };
        EndMembershipDto: {
            /**
             * @description first day no longer a member
             * @example 2026-12-01
             */
            leftOn: string;
        };
        AttendanceDto: {
            residentId: string;
            /** @example 2026-11-24 */
            day: string;
            /** @example 08:30 */
            checkIn: string;
            /** @example 16:45 */
            checkOut?: string;
        };
        CheckOutDto: {
            /** @example 16:45 */
            checkOut: string;
        };
        ServiceRecordDto: {
            residentId: string;
            /** @enum {string} */
            kind: "MEAL" | "BATH" | "CLEANING" | "MOBILITY" | "MEDICAL" | "EMERGENCY";
            /** @example 2026-11-24T11:30:00+08:00 */
            servedAt: string;
            /** @example 张护理员 */
            servedBy: string;
            notes?: string;
        };
        CreateStaffDto: {
            /** @example 张丽 */
            name: string;
            /** @enum {string} */
            role: "CAREGIVER" | "NURSE" | "DOCTOR" | "SOCIAL_WORKER" | "MANAGER" | "OTHER";
            /** @example 2025-03-01 */
            employedFrom: string;
            /**
             * @description first day no longer employed
             * @example 2026-12-01
             */
            employedTo?: string;
            /**
             * @description full-time 1, part-time a fraction (two decimals)
             * @example 1
             */
            fte: number;
            /** @example 13803751234 */
            phone?: string;
        };
        UpdateStaffDto: {
            /** @example 张丽 */
            name?: string;
            /** @enum {string} */
            role?: "CAREGIVER" | "NURSE" | "DOCTOR" | "SOCIAL_WORKER" | "MANAGER" | "OTHER";
            /** @example 2025-03-01 */
            employedFrom?: string;
            /**
             * @description first day no longer employed
             * @example 2026-12-01
             */
            employedTo?: string;
            /**
             * @description full-time 1, part-time a fraction (two decimals)
             * @example 1
             */
            fte?: number;
            /** @example 13803751234 */
            phone?: string;
        };
        CertificateDto: {
            /** @example 养老护理员职业技能等级证书 */
            type: string;
            /** @example S000041000000235001234 */
            number: string;
            /** @example 四级/中级工 */
            level?: string;
            /** @example 2025-06-01 */
            issuedOn: string;
            /**
             * @description valid on [issuedOn, expiresOn)
             * @example 2028-06-01
             */
            expiresOn: string;
        };
        TrainingDto: {
            /** @example 养老护理员岗前培训 */
            course: string;
            /** @example 2025-02-20 */
            completedOn: string;
            passed: boolean;
        };
        CreateClaimDto: {
            /** @example 2026-10 */
            month: string;
            /**
             * @description DOMAIN.md §5: 机构养老 / 家庭养老床位 / 日间照料中心运营
             * @default INSTITUTIONAL_CARE
             * @enum {string}
             */
            programme?: "INSTITUTIONAL_CARE" | "HOME_CARE_BED" | "DAY_CENTER_OPERATION";
        };
        RejectClaimDto: {
            /** @example 缺少老人能力评估报告 */
            reason: string;
        };
        RatesDto: {
            /**
             * @description fen a month
             * @example 10000
             */
            SELF_CARE?: number;
            /** @example 15000 */
            SEMI_DISABLED?: number;
            /** @example 30000 */
            FULLY_DISABLED?: number;
        };
        DayCountingDto: {
            /**
             * @description 入院当天计入
             * @example true
             */
            admissionDay: boolean;
            /**
             * @description 出院当天计入
             * @example false
             */
            dischargeDay: boolean;
            /**
             * @description 请假/外出住院天数计入
             * @example true
             */
            leaveDays: boolean;
        };
        CreatePolicyDto: {
            /** @enum {string} */
            programme: "INSTITUTIONAL_CARE" | "HOME_CARE_BED" | "DAY_CENTER_OPERATION";
            /**
             * @description 000000 is the national default; the most specific code wins
             * @example 410400
             */
            divisionCode: string;
            /** @example 2027-01-01 */
            effectiveFrom: string;
            rates: components["schemas"]["RatesDto"];
            /**
             * @description DAY_CENTER_OPERATION: fen a year per center
             * @example 2000000
             */
            annualFen?: number;
            /** @example 60 */
            minAge?: number;
            /** @description default: admission day counts, discharge day does not, leave days count */
            dayCounting?: components["schemas"]["DayCountingDto"];
            /**
             * @description DAY_CENTER_OPERATION: claimed monthly (a twelfth) or yearly (the whole amount, with the December claim)
             * @enum {string}
             */
            claimPeriod?: "MONTHLY" | "YEARLY";
            /**
             * @example [
             *       "TEKUN"
             *     ]
             */
            excludedCategories?: string[];
        };
        DivisionSummaryJobDto: {
            /** @example 2026-10 */
            month: string;
        };
        ClaimPdfsJobDto: {
            /** @example 2026 */
            year: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                    };
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description too many attempts from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_deactivate: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeactivateUserDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_reactivate: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description first calendar day (Asia/Shanghai), inclusive */
                from?: string;
                /** @description last calendar day, exclusive */
                to?: string;
                page?: components["schemas"]["Object"];
                pageSize?: components["schemas"]["Object"];
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FacilitiesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FacilitiesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFacilityDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FacilitiesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FacilitiesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFacilityDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateResidentDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_get: {
        parameters: {
            query?: {
                /** @description managers only; audited */
                reveal?: "idNumber";
            };
            header?: never;
            path: {
                facilityId: string;
                residentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                residentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateResidentDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_assessments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                residentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_assess: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                residentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAssessmentDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BedsController_rooms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BedsController_createRoom: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoomDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BedsController_board: {
        parameters: {
            query?: {
                /** @description default: today (Asia/Shanghai) */
                date?: string;
                roomId?: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BedsController_createBed: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBedDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BedsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                bedId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBedDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdmissionsController_list: {
        parameters: {
            query?: {
                residentId?: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdmissionsController_admit: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAdmissionDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdmissionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                admissionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdmissionsController_transfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                admissionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdmissionsController_discharge: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                admissionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DischargeDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdmissionsController_leave: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                admissionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaveDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HomeCareBedsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HomeCareBedsController_enrol: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateHomeCareBedDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HomeCareBedsController_end: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                homeCareBedId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndHomeCareBedDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DayCareController_members: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DayCareController_enrol: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DayCareController_end: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndMembershipDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DayCareController_attendance: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DayCareController_checkIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendanceDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DayCareController_checkOut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                attendanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckOutDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DayCareController_services: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DayCareController_serve: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceRecordDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStaffDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStaffDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_certificate: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_training: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrainingDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_staffing: {
        parameters: {
            query: {
                from: string;
                /** @description exclusive; at most 366 days after from */
                to: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_alerts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_draft: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClaimDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_csv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_xlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_approve: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_reject: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                claimId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectClaimDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClaimsController_pay: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PoliciesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PoliciesController_add: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePolicyDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetricsController_get: {
        parameters: {
            query?: {
                date?: string;
                month?: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DivisionsController_summary: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_compliance: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_complianceHtml: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_operations: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DivisionReportsController_summary: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                codeOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportJobsController_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DivisionSummaryJobDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportJobsController_claims: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same request → the first answer again; same key + another request → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimPdfsJobDto"];
            };
        };
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportJobsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportJobsController_result: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description authenticated, but this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DemoController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
