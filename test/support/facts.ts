import { genderOf, idNumberFor, World } from './world';

const auth = { type: 'bearer' } as const;

/**
 * Facts of one facility written through the API as its manager would (rooms, beds, residents,
 * admissions, staff), so a test states each one and computes the rules' figures by hand.
 */
export function factsOf(w: World, facilityId: string, token: string) {
  const base = `/api/facilities/${facilityId}`;
  let seq = 0;
  const post = async (path: string, body: object): Promise<{ id: string } & Record<string, unknown>> => {
    const res = await w.t.http.post(`${base}${path}`).auth(token, auth).send(body);
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    base,
    post,
    async room(number: string) {
      return (await post('/rooms', { building: '1号楼', floor: 1, number })).id;
    },
    async bed(roomId: string, code: string, kind: 'NURSING' | 'GENERAL') {
      return (await post('/beds', { code, roomId, kind })).id;
    },
    /** Out of service from `on` (open-ended). */
    async outOfService(bedId: string, on: string) {
      const res = await w.t.http.patch(`${base}/beds/${bedId}`).auth(token, auth).send({ inService: false, reason: '维修', on });
      if (res.status >= 300) throw new Error(`outage: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async resident(name: string, dateOfBirth: string, categories: string[] = []) {
      seq++;
      return (
        await post('/residents', {
          name,
          gender: genderOf(idNumberFor(dateOfBirth, 700 + seq)),
          dateOfBirth,
          idNumber: idNumberFor(dateOfBirth, 700 + seq),
          categories,
        })
      ).id;
    },
    async admit(residentId: string, bedId: string, admittedOn: string, careLevel: string) {
      return (await post('/admissions', { residentId, bedId, admittedOn, careLevel })).id;
    },
    async discharge(admissionId: string, dischargedOn: string, reason: string) {
      await post(`/admissions/${admissionId}/discharge`, { dischargedOn, reason });
    },
    async leave(admissionId: string, from: string, to: string) {
      await post(`/admissions/${admissionId}/leaves`, { from, to, reason: '回家探亲' });
    },
    /** A caregiver with a passed training on `trainedOn` and one certificate [issuedOn, expiresOn). */
    async caregiver(
      name: string,
      s: { employedFrom: string; employedTo?: string; fte?: number; trainedOn: string; issuedOn: string; expiresOn: string },
    ) {
      const staff = await post('/staff', {
        name,
        role: 'CAREGIVER',
        employedFrom: s.employedFrom,
        ...(s.employedTo ? { employedTo: s.employedTo } : {}),
        fte: s.fte ?? 1,
      });
      await post(`/staff/${staff.id}/trainings`, { course: '养老护理员岗前培训', completedOn: s.trainedOn, passed: true });
      await post(`/staff/${staff.id}/certificates`, {
        type: '养老护理员职业技能等级证书',
        number: `C-${name}`,
        issuedOn: s.issuedOn,
        expiresOn: s.expiresOn,
      });
      return staff.id;
    },
  };
}
