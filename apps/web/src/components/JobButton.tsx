import { App, Button, Progress } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { type Job, readJob } from '../api/hooks/jobs';
import { useI18n } from '../i18n';

/**
 * Starts a background job (a report job) and shows its progress until its file downloads:
 * long work never freezes the page. Polled while the page is open, for at most ten minutes.
 */
export function JobButton({
  label,
  start,
  fileName,
  testId,
}: {
  label: string;
  start: () => Promise<Job>;
  fileName: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const [job, setJob] = useState<Job | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = async () => {
    try {
      let current = await start();
      setJob(current);
      const until = Date.now() + 10 * 60_000;
      while ((current.state === 'QUEUED' || current.state === 'RUNNING') && mounted.current) {
        if (Date.now() > until) throw new Error(t.jobTimeout);
        await new Promise((r) => setTimeout(r, 400));
        current = await readJob(current.id);
        setJob(current);
      }
      if (!mounted.current) return;
      if (current.state === 'FAILED' || !current.resultUrl) throw new Error(current.error ?? 'failed');
      await download(current.resultUrl, fileName);
    } catch (e) {
      message.error(describe(e));
    } finally {
      setTimeout(() => mounted.current && setJob(null), 1500);
    }
  };
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }} aria-live="polite">
      {job && (
        <Progress
          percent={job.percent}
          size="small"
          style={{ width: 160, margin: 0 }}
          status={job.state === 'FAILED' ? 'exception' : job.state === 'DONE' ? 'success' : 'active'}
          format={(p) => `${t.jobRunning} ${p}%`}
          data-testid="job-progress"
        />
      )}
      <Button type="primary" onClick={run} loading={!!job && job.state !== 'DONE' && job.state !== 'FAILED'} data-testid={testId}>
        {label}
      </Button>
    </span>
  );
}
