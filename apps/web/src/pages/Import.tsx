import { Alert, App, Button, Card, Radio, Table, Upload } from 'antd';
import { CheckOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useErrorMessage } from '../api/errors';
import { downloadTemplate, type ImportKind, type ImportResult, type ImportRowError, rowErrorsOf, useImport } from '../api/hooks/imports';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { EmptyText, ScrollRegion, Secondary, Toolbar } from './page-parts';

const KINDS: ImportKind[] = ['BEDS', 'RESIDENTS', 'STAFF'];

/**
 * 导入: beds, residents and staff from the spreadsheets a facility keeps. Download the template,
 * fill it in, upload it: every problem is listed by row and column, and 确认导入 writes the whole
 * file at once, only when it has none (docs/api.md "Import").
 */
export default function Import() {
  const { facilityId = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const run = useImport();
  const [kind, setKind] = useState<ImportKind>('RESIDENTS');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<ImportRowError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const kindLabel: Record<ImportKind, string> = { BEDS: t.importBeds, RESIDENTS: t.importResidents, STAFF: t.importStaff };

  const reset = () => {
    setFile(null);
    setResult(null);
    setErrors([]);
    setFailure(null);
  };
  const send = (chosen: File, commit: boolean) => {
    setFailure(null);
    run.mutate(
      { kind, file: chosen, commit },
      {
        onSuccess: (r) => {
          setResult(r);
          setErrors(r.errors);
          if (r.committed) message.success(t.importDone);
        },
        onError: (e) => {
          const rows = rowErrorsOf(e);
          if (rows) setErrors(rows);
          setResult(null);
          setFailure(describe(e));
        },
      },
    );
  };
  const counts = result?.counts ?? {};
  const countText = [
    counts.rooms !== undefined && `${t.importCountRooms} ${counts.rooms}`,
    counts.beds !== undefined && `${t.importCountBeds} ${counts.beds}`,
    counts.residents !== undefined && `${t.importCountResidents} ${counts.residents}`,
    counts.admissions !== undefined && `${t.importCountAdmissions} ${counts.admissions}`,
    counts.staff !== undefined && `${t.importCountStaff} ${counts.staff}`,
    counts.certificates !== undefined && `${t.importCountCertificates} ${counts.certificates}`,
  ]
    .filter(Boolean)
    .join(t.listSeparator);
  const ready = !!file && !!result && !result.committed && result.errors.length === 0;

  return (
    <>
      <PageTitle>{t.importTitle}</PageTitle>
      <Card>
        <Toolbar>
          <Radio.Group
            optionType="button"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              reset();
            }}
            options={KINDS.map((k) => ({ value: k, label: kindLabel[k] }))}
            aria-label={t.importKind}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadTemplate(facilityId, kind).catch((e) => message.error(describe(e)))}
            data-testid="import-template"
          >
            {t.importTemplate}
          </Button>
        </Toolbar>
        <p>
          <Secondary>{t.importHelp}</Secondary>
        </p>
        <Toolbar>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(f) => {
              reset();
              setFile(f);
              send(f, false);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={run.isPending && !ready} data-testid="import-choose">
              {t.importChoose}
            </Button>
          </Upload>
          {file && <span data-data>{file.name}</span>}
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!ready}
            loading={run.isPending && ready}
            onClick={() => file && send(file, true)}
            data-testid="import-confirm"
          >
            {t.importConfirm}
          </Button>
        </Toolbar>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="import-failure" />}
        {result && result.errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            message={t.importHasErrors.replace('{rows}', String(result.rows)).replace('{errors}', String(result.errors.length))}
            style={{ marginBottom: 12 }}
            data-testid="import-summary"
          />
        )}
        {result && result.errors.length === 0 && (
          <Alert
            type={result.committed ? 'success' : 'info'}
            showIcon
            message={(result.committed ? t.importCommitted : t.importValid).replace('{rows}', String(result.rows))}
            description={countText}
            style={{ marginBottom: 12 }}
            data-testid="import-summary"
          />
        )}
        {(errors.length > 0 || result) && (
          <ScrollRegion label={t.importErrors}>
            <Table<ImportRowError>
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              dataSource={errors}
              pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: <EmptyText>{t.importNoErrors}</EmptyText> }}
              data-testid="import-errors"
              columns={[
                { title: t.importRow, dataIndex: 'row', width: 64 },
                { title: t.importColumn, dataIndex: 'column', width: 96, render: (v: string) => <span data-data>{v}</span> },
                { title: t.importProblem, dataIndex: 'message', render: (v: string) => <span data-data>{v}</span> },
              ]}
            />
          </ScrollRegion>
        )}
      </Card>
    </>
  );
}
