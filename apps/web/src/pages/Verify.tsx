import { Alert, Card, Descriptions, Input, Space, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useDocumentCheck } from '../api/hooks/documents';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { useTimeZone } from '../today';

/** Anyone holding a PDF can check it: its SHA-256, computed here, or the code printed on it. */
export default function Verify() {
  const { t, lang } = useI18n();
  const timeZone = useTimeZone();
  const lookup = useDocumentCheck();
  const result = lookup.data ?? null;
  const check = (hash: string) => lookup.mutateAsync(hash);
  const ofFile = async (file: File) => {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    await check([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    return false;
  };
  return (
    <>
      <PageTitle>{t.verify}</PageTitle>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="large">
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
            <p>{t.verifyHint}</p>
          </Upload.Dragger>
          <Input.Search placeholder={t.verifyCode} aria-label={t.verifyCode} enterButton={t.verify} onSearch={(v) => v && check(v)} />
          {result === 'missing' && <Alert type="error" showIcon message={t.invalid} />}
          {result && result !== 'missing' && (
            <Alert
              type="success"
              showIcon
              message={t.valid}
              description={
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { label: t.number, children: <span data-data>{result.number}</span> },
                    { label: t.documentTitle, children: <span data-data>{result.title}</span> },
                    { label: t.facility, children: <span data-data>{result.facilityName ?? result.divisionCode}</span> },
                    { label: t.month, children: <span data-data>{result.period}</span> },
                    {
                      label: t.issuedAt,
                      children: new Date(result.issuedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone }),
                    },
                  ]}
                />
              }
            />
          )}
        </Space>
      </Card>
    </>
  );
}
