import type { CSSProperties, ReactNode } from 'react';

/**
 * The page's one heading (an h1), until the shared PageTitle component is on this branch:
 * a screen reader lists it first and the browser tab's outline starts from it.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="page-title" style={{ fontSize: 18, fontWeight: 600, lineHeight: 1.4, margin: 0, display: 'inline' }}>
      {children}
    </h1>
  );
}

const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** Text for screen readers only, e.g. the header of an action column. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span style={HIDDEN}>{children}</span>;
}

/** A page's controls: they wrap onto the next line on a phone instead of overflowing the card head. */
export function Toolbar({ children, end }: { children: ReactNode; end?: boolean }) {
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 8,
        alignItems: 'center',
        justifyContent: end ? 'flex-end' : 'flex-start',
        marginBottom: 12,
      }}
    >
      {children}
    </div>
  );
}
