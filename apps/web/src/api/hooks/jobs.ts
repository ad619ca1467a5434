import { api, read } from '../client';
import type { components } from '../schema';

/** A background report job: its state, progress and, once done, its file. */
export type Job = components['schemas']['ReportJobResponse'];

/** A background job's state and progress (polled by JobButton). */
export const readJob = (jobId: string) => read(api.GET('/api/jobs/{jobId}', { params: { path: { jobId } } }));
