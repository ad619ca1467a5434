import { Card, Empty, Grid, theme, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type BedOnDate, useBedBoard } from '../api/hooks/beds';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { Secondary, Toolbar, VisuallyHidden } from './page-parts';

// The admission form loads when a free bed is chosen: the board's first load carries no form code.
const AdmitDialog = lazy(() => import('./AdmitDialog'));

// Text colours on their backgrounds are ≥ 4.5:1 (WCAG AA); the state is also written on the tile.
const COLOURS: Record<BedOnDate['status'], { bg: string; border: string; fg: string }> = {
  FREE: { bg: '#f0faf3', border: '#5cb176', fg: '#1e7b34' },
  OCCUPIED: { bg: '#e8f0fb', border: '#3f6fb5', fg: '#1d3557' },
  ON_LEAVE: { bg: '#fff6e5', border: '#e0a030', fg: '#8a5a00' },
  OUT_OF_SERVICE: { bg: '#f1f2f4', border: '#a3aab5', fg: '#5b6470' },
};

declare global {
  interface Window {
    __careopsBoard?: { beds: number; renderMs: number };
  }
}

/** Floors → rooms → beds, coloured by state on the chosen day (docs/rules.md §3). */
export default function BedBoard() {
  const { t } = useI18n();
  const today = useToday();
  const [date, setDate] = useState<Dayjs>(today);
  const { token } = theme.useToken();
  const [admitBed, setAdmitBed] = useState<BedOnDate | null>(null);
  const day = date.format('YYYY-MM-DD');
  const board = useBedBoard(day);
  const floors = useMemo(() => {
    const byFloor = new Map<string, Map<string, BedOnDate[]>>();
    for (const b of board.data?.beds ?? []) {
      const floorKey = `${b.room.building} · ${b.room.floor}F`;
      const rooms = byFloor.get(floorKey) ?? new Map<string, BedOnDate[]>();
      const list = rooms.get(b.room.number) ?? [];
      list.push(b);
      rooms.set(b.room.number, list);
      byFloor.set(floorKey, rooms);
    }
    return [...byFloor.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh'));
  }, [board.data]);
  // time from the data's arrival to the board on screen, for the Playwright run.
  const rendered = useRef<number | null>(null);
  useEffect(() => {
    if (!board.data || rendered.current === board.data.arrivedAt) return;
    rendered.current = board.data.arrivedAt;
    const arrived = board.data.arrivedAt;
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.__careopsBoard = { beds: board.data.beds.length, renderMs: performance.now() - arrived };
      }, 0),
    );
  }, [board.data]);

  const counts = useMemo(() => {
    const c = { FREE: 0, OCCUPIED: 0, ON_LEAVE: 0, OUT_OF_SERVICE: 0 };
    for (const b of board.data?.beds ?? []) c[b.status]++;
    return c;
  }, [board.data]);
  const label = { FREE: t.free, OCCUPIED: t.occupied, ON_LEAVE: t.onLeave, OUT_OF_SERVICE: t.outOfService };
  const phone = !Grid.useBreakpoint().sm;

  return (
    <>
      <PageTitle>{t.beds}</PageTitle>
      <Card>
        <Toolbar>
          {/* The browser's own date field: a phone opens its native picker, and the board's first load
              carries no date-picker code. */}
          <input
            type="date"
            value={day}
            onChange={(e) => e.target.value && setDate(dayjs(e.target.value))}
            required
            aria-label={t.boardDate}
            data-testid="board-date"
            style={{
              width: 150,
              height: token.controlHeight,
              padding: '0 11px',
              font: 'inherit',
              color: token.colorText,
              background: token.colorBgContainer,
              border: `1px solid ${token.colorBorder}`,
              borderRadius: token.borderRadius,
            }}
          />
          {/* The counts double as the legend: each state's colours and its name (never colour alone). */}
          <ul aria-label={t.bedStatus} style={{ display: 'flex', flexWrap: 'wrap', gap: 6, listStyle: 'none', margin: 0, padding: 0 }}>
            {(Object.keys(counts) as BedOnDate['status'][]).map((s) => (
              <li
                key={s}
                data-testid={`count-${s}`}
                style={{
                  border: `1px solid ${COLOURS[s].border}`,
                  background: COLOURS[s].bg,
                  color: COLOURS[s].fg,
                  borderRadius: 4,
                  padding: '0 8px',
                  fontSize: 12,
                  lineHeight: '22px',
                }}
              >
                {label[s]} {counts[s]}
              </li>
            ))}
          </ul>
        </Toolbar>
        {board.isLoading ? (
          <Loading />
        ) : board.error ? (
          <Failed error={board.error} retry={() => board.refetch()} />
        ) : floors.length === 0 ? (
          <Empty description={t.empty} />
        ) : (
          <div data-testid="bed-board">
            {floors.map(([floor, rooms]) => (
              <section key={floor} style={{ marginBottom: 18 }}>
                <h2 style={{ margin: '4px 0 8px', fontSize: 15, fontWeight: 600 }}>
                  <span data-data>{floor}</span>
                </h2>
                {/* A phone shows two or more rooms a row, their beds wrapping inside; a desktop rooms side by side. */}
                <div
                  style={
                    phone
                      ? { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(136px, 1fr))', gap: 6 }
                      : { display: 'flex', flexWrap: 'wrap', gap: 10 }
                  }
                >
                  {[...rooms.entries()]
                    .sort(([a], [b]) => a.localeCompare(b, 'zh', { numeric: true }))
                    .map(([room, beds]) => (
                      <div
                        key={room}
                        style={{ border: '1px solid #e3e8ef', borderRadius: 6, padding: phone ? '4px 5px' : '6px 8px', background: '#fff' }}
                      >
                        <Secondary style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
                          {t.room} <span data-data>{room}</span>
                        </Secondary>
                        <div style={{ display: 'flex', flexWrap: phone ? 'wrap' : 'nowrap', gap: phone ? 4 : 6 }}>
                          {beds
                            .sort((a, b) => a.code.localeCompare(b.code, 'zh', { numeric: true }))
                            .map((b) => (
                              <BedTile key={b.id} bed={b} compact={phone} onAdmit={() => setAdmitBed(b)} />
                            ))}
                        </div>
                      </div>
                    ))}
                </div>
              </section>
            ))}
          </div>
        )}
        {admitBed && (
          <Suspense fallback={null}>
            <AdmitDialog bed={admitBed} day={day} onClose={() => setAdmitBed(null)} />
          </Suspense>
        )}
      </Card>
    </>
  );
}

function BedTile({ bed, compact, onAdmit }: { bed: BedOnDate; compact: boolean; onAdmit: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { facilityId } = useParams();
  const c = COLOURS[bed.status];
  const o = bed.occupant;
  const state = { FREE: t.free, OCCUPIED: t.occupied, ON_LEAVE: t.onLeave, OUT_OF_SERVICE: t.outOfService }[bed.status];
  const tip = o ? (
    <div>
      <b data-data>{o.name}</b> · {o.careLevel ? t[o.careLevel] : t.unassessed}
      <br />
      {t.since} {o.since}
      {o.onLeave && (
        <>
          <br />
          {t[o.onLeave.kind]} {o.onLeave.from} – {o.onLeave.to}
        </>
      )}
    </div>
  ) : bed.outOfService ? (
    <div>
      {t.outOfService}: <span data-data>{bed.outOfService.reason}</span>
    </div>
  ) : (
    <div>
      {t.free} · {t.admit}
    </div>
  );
  return (
    <Tooltip title={tip} mouseEnterDelay={0.15}>
      <button
        type="button"
        data-testid={`bed-${bed.code}`}
        data-status={bed.status}
        onClick={() => (bed.status === 'FREE' ? onAdmit() : o && navigate(`/f/${facilityId}/residents/${o.residentId}`))}
        style={{
          width: compact ? 60 : 74,
          height: compact ? 48 : 54,
          border: `1.5px solid ${c.border}`,
          background: c.bg,
          color: c.fg,
          borderRadius: 5,
          cursor: bed.status === 'OUT_OF_SERVICE' ? 'default' : 'pointer',
          position: 'relative',
          padding: 2,
          font: 'inherit',
          fontSize: compact ? 11 : 12,
          lineHeight: 1.25,
        }}
      >
        {bed.kind === 'NURSING' && (
          <span title={t.nursing} style={{ position: 'absolute', top: 1, right: 3, fontSize: 10, color: '#b42318', fontWeight: 700 }}>
            {t.nursingMark}
          </span>
        )}
        {bed.status === 'ON_LEAVE' && (
          <span title={t.onLeave} style={{ position: 'absolute', top: 1, left: 3, fontSize: 10, fontWeight: 700 }}>
            {t.onLeaveMark}
          </span>
        )}
        <div style={{ fontWeight: 600 }} data-data>
          {bed.code}
        </div>
        {/* The state in words for a screen reader where the tile shows a name (never colour alone). */}
        {o && <VisuallyHidden>{state}</VisuallyHidden>}
        <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} data-data={o ? true : undefined}>
          {o ? o.name : bed.status === 'OUT_OF_SERVICE' ? t.outOfServiceShort : t.free}
        </div>
      </button>
    </Tooltip>
  );
}
