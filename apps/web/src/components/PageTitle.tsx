import type { ReactNode } from 'react';

/**
 * The one `<h1>` of a screen (the shell has none): the page's name, with optional actions on the
 * right that wrap under it on a phone. Every page renders exactly one.
 */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div className="careops-page-title" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 16 }}>
      <h1 style={{ fontSize: 20, lineHeight: '28px', fontWeight: 600, margin: 0, flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </h1>
      {extra && <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, maxWidth: '100%' }}>{extra}</div>}
    </div>
  );
}
