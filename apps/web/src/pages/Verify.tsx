import { Alert, Card, Descriptions, Input, Space, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useDocumentCheck } from '../api/hooks/documents';
import { useI18n } from '../i18n';
import { useTimeZone } from '../today';

/** Anyone holding a PDF can check it: its SHA-256, computed here, or the code printed on it. */
export default function Verify() {
  const { t } = useI18n();
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
    <Card title={t.verify}>
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
            <InboxOutlined />
          </p>
          <p>{t.verifyHint}</p>
        </Upload.Dragger>
        <Input.Search placeholder="核验码 / SHA-256" enterButton={t.verify} onSearch={(v) => v && check(v)} />
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
                  { label: t.number, children: result.number },
                  { label: '', children: result.title },
                  { label: t.facility, children: result.facilityName ?? result.divisionCode },
                  { label: t.month, children: result.period },
                  { label: t.issuedAt, children: new Date(result.issuedAt).toLocaleString('zh-CN', { timeZone }) },
                ]}
              />
            }
          />
        )}
      </Space>
    </Card>
  );
}
