import { api, read } from '../client';
import type { Job } from '../types';

/** A background job's state and progress (polled by JobButton). */
export const readJob = (jobId: string) => read<Job>(api.GET('/api/jobs/{jobId}', { params: { path: { jobId } } }));
