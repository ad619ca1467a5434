import { Spin } from 'antd';

/** The standard loading block of every screen. */
export function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
