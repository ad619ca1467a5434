import { App, Card, Col, DatePicker, Empty, Form, Grid, Input, Modal, Radio, Row, Select, Tooltip, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type CareLevel, idNumberProblem, type IdNumberProblem } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import { type BedOnDate, useBedBoard } from '../api/hooks/beds';
import { useAdmit } from '../api/hooks/residents';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { Loading } from '../components/Loading';
import { type Messages, useI18n } from '../i18n';
import { useToday } from '../today';
import { Toolbar, VisuallyHidden } from './page-parts';

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
          <DatePicker
            value={date}
            onChange={(d) => d && setDate(d)}
            allowClear={false}
            aria-label={t.boardDate}
            data-testid="board-date"
            style={{ width: 150 }}
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
                <Typography.Title level={2} style={{ margin: '4px 0 8px', fontSize: 15 }}>
                  <span data-data>{floor}</span>
                </Typography.Title>
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
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
                          {t.room} <span data-data>{room}</span>
                        </Typography.Text>
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
        {admitBed && <AdmitDialog bed={admitBed} day={day} onClose={() => setAdmitBed(null)} />}
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

interface AdmitForm {
  name: string;
  gender: 'M' | 'F';
  dateOfBirth: Dayjs;
  idNumber: string;
  careLevel: CareLevel;
  admittedOn: Dayjs;
}

/** 办理入住 from a free bed: registers the resident, then admits (the ID number checked as it is typed). */
function AdmitDialog({ bed, day, onClose }: { bed: BedOnDate; day: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const [form] = Form.useForm<AdmitForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const admit = useAdmit(bed.id);
  const submit = (v: AdmitForm) => {
    setServerError(null);
    admit.mutate(
      {
        name: v.name.trim(),
        gender: v.gender,
        dateOfBirth: v.dateOfBirth.format('YYYY-MM-DD'),
        idNumber: v.idNumber.trim().toUpperCase(),
        careLevel: v.careLevel,
        admittedOn: v.admittedOn.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose();
        },
        // The form keeps what was typed; the server's reason is shown above the buttons.
        onError: (e) => setServerError(describe(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={`${t.admitTo} ${bed.code}${bed.kind === 'NURSING' ? t.nursingSuffix : ''}`}
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={admit.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ gender: 'F', careLevel: 'SEMI_DISABLED', admittedOn: dayjs(day) }}
        onFinish={submit}
        data-testid="admit-form"
      >
        <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: t.nameRequired }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="gender" label={t.gender}>
              <Radio.Group
                options={[
                  { label: t.female, value: 'F' },
                  { label: t.male, value: 'M' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="dateOfBirth" label={t.dateOfBirth} rules={[{ required: true, message: t.dateOfBirthRequired }]}>
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="idNumber"
          label={t.idNumber}
          dependencies={['dateOfBirth']}
          validateTrigger={['onChange', 'onBlur']}
          hasFeedback
          rules={[
            { required: true, message: t.idNumberRequired },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const dob = getFieldValue('dateOfBirth') as Dayjs | undefined;
                const problem = idNumberProblem(value.trim(), dob ? dob.format('YYYY-MM-DD') : undefined);
                return problem ? Promise.reject(new Error(idProblemText(t, problem))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input maxLength={18} placeholder="410421194805121234" data-testid="id-number" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="careLevel" label={t.careLevel}>
              <Select options={(['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).map((l) => ({ value: l, label: t[l] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="admittedOn" label={t.admittedOn} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
        </Row>
        {serverError && (
          <Typography.Text type="danger" role="alert" data-testid="server-error">
            {serverError}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

/** The ID number's problem in the user's language (the Chinese is the catalogue's, docs/rules.md §4). */
function idProblemText(t: Messages, problem: IdNumberProblem): string {
  const text: Record<IdNumberProblem, string> = {
    FORMAT: t.idFormat,
    REGION: t.idRegion,
    BIRTH_DATE: t.idBirthDate,
    CHECKSUM: t.idChecksum,
    BIRTH_DATE_MISMATCH: t.idBirthDateMismatch,
  };
  return text[problem];
}
