import { theme } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useRef } from 'react';

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

/**
 * A wide table's own scroll box, reachable by keyboard: the box antd scrolls (its body or content)
 * gets a tab stop and a name, so arrow keys scroll it even when no cell holds a link.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('.ant-table-body, .ant-table-content').forEach((box) => {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', label);
    });
  });
  return <div ref={ref}>{children}</div>;
}

/**
 * Secondary text in the theme's secondary colour (≥ 4.5:1), without antd's Typography: that one
 * brings the editable text area's code into every page that shows a grey label.
 */
export function Secondary({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return <span style={{ color: token.colorTextSecondary, ...style }}>{children}</span>;
}

/** A table's empty state in readable text (antd's default grey is below 4.5:1). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <Secondary>{children}</Secondary>;
}
