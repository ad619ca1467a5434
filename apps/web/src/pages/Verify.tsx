import { Alert, Card, Descriptions, Input, Space, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_TIME_ZONE, yuan } from '@careops/care';
import { useDocumentCheck } from '../api/hooks/documents';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';

const KINDS = [
  'CLAIM',
  'COMPLIANCE',
  'OPERATIONS',
  'DIVISION_SUMMARY',
  'ASSESSMENT',
  'TASK_LIST',
  'BULLETIN',
  'BILL',
  'RECEIPT',
  'REFUND',
] as const;
/** Kinds whose `totalFen` is the amount printed (a bill, a receipt, a refund), not a claim's total now. */
const AMOUNT_PRINTED = new Set(['BILL', 'RECEIPT', 'REFUND']);

/**
 * The public verification page (docs/rules.md §8): opened from a document's QR code with `?code=`, or
 * by a typed number or code, or a chosen PDF whose SHA-256 is computed here (the file never leaves
 * the browser). Says what the document is, a claim's state and total now, and what replaced it.
 */
export default function Verify() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [fileHash, setFileHash] = useState<string | null>(null);
  const code = params.get('code');
  const [typed, setTyped] = useState(code ?? '');
  useEffect(() => setTyped(code ?? ''), [code]);
  const ref = fileHash ?? (code?.trim() || null);
  const lookup = useDocumentCheck(ref);
  const result = lookup.data ?? null;
  const ofFile = async (file: File) => {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    setFileHash([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''));
  };
  const check = (value: string) => {
    if (!value.trim()) return;
    setFileHash(null);
    setParams({ code: value.trim() });
  };
  const kindLabel = (kind: string) =>
    KINDS.includes(kind as (typeof KINDS)[number]) ? t[`docKind${kind as (typeof KINDS)[number]}`] : kind;
  const issuedAt = (at: string) =>
    `${new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: DEFAULT_TIME_ZONE, hour12: false })} (UTC+8)`;
  return (
    <>
      <PageTitle>{t.verify}</PageTitle>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Typography.Paragraph style={{ margin: 0 }}>{t.verifyIntro}</Typography.Paragraph>
          <Input.Search
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t.verifyCodeOrNumber}
            aria-label={t.verifyCodeOrNumber}
            enterButton={t.verifyCheck}
            onSearch={check}
            data-testid="verify-code"
          />
          <Upload.Dragger
            accept="application/pdf"
            showUploadList={false}
            beforeUpload={(f) => {
              void ofFile(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p>{t.verifyFileHint}</p>
          </Upload.Dragger>
          {lookup.isFetching && <Alert type="info" message={t.verifyChecking} />}
          {!lookup.isFetching && lookup.isError && <Alert type="warning" showIcon message={t.error} />}
          {!lookup.isFetching && result === 'missing' && (
            <Alert type="error" showIcon message={t.verifyInvalid} data-testid="verify-result" data-valid="false" />
          )}
          {!lookup.isFetching && result && result !== 'missing' && (
            <Alert
              type={result.replacedBy ? 'warning' : 'success'}
              showIcon
              data-testid="verify-result"
              data-valid="true"
              message={
                <Space wrap>
                  <span>{t.verifyValid}</span>
                  {result.replacedBy && (
                    <Typography.Text strong data-testid="verify-replaced">
                      {t.verifyReplaced.replace('{number}', result.replacedBy)}
                    </Typography.Text>
                  )}
                </Space>
              }
              description={
                <>
                  {result.replacedBy && <Typography.Paragraph>{t.verifyReplacedHint}</Typography.Paragraph>}
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { label: t.documentKind, children: kindLabel(result.kind) },
                      { label: t.number, children: <span data-data>{result.number}</span> },
                      { label: t.documentVersion, children: <span data-data>{result.version}</span> },
                      { label: t.facility, children: <span data-data>{result.facilityName ?? '—'}</span> },
                      ...(result.divisionCode
                        ? [
                            {
                              label: t.documentDivision,
                              children: <span data-data>{[result.divisionName, result.divisionCode].filter(Boolean).join(' · ')}</span>,
                            },
                          ]
                        : []),
                      { label: t.documentPeriod, children: <span data-data>{result.period}</span> },
                      { label: t.issuedAt, children: <span data-data>{issuedAt(result.issuedAt)}</span> },
                      ...(result.state
                        ? [
                            {
                              label: t.claimStateNow,
                              children: <Typography.Text strong>{t[result.state as 'DRAFT']}</Typography.Text>,
                            },
                          ]
                        : []),
                      ...(result.totalFen !== undefined
                        ? [
                            {
                              label: AMOUNT_PRINTED.has(result.kind) ? t.documentAmountPrinted : t.claimTotalNow,
                              children: <span data-data>{yuan(result.totalFen)}</span>,
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              }
            />
          )}
        </Space>
      </Card>
    </>
  );
}
