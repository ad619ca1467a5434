import { App, Card, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type CareLevel, idNumberProblem, ID_NUMBER_PROBLEM_MESSAGES } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import { type BedOnDate, useBedBoard } from '../api/hooks/beds';
import { useAdmit } from '../api/hooks/residents';
import { Failed } from '../components/Failed';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { useToday } from '../today';

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

  return (
    <Card
      title={t.beds}
      extra={
        <Space>
          {(Object.keys(counts) as BedOnDate['status'][]).map((s) => (
            <Tag key={s} color={COLOURS[s].border} data-testid={`count-${s}`}>
              {label[s]} {counts[s]}
            </Tag>
          ))}
          <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} data-testid="board-date" />
        </Space>
      }
    >
      {board.isLoading ? (
        <Loading />
      ) : board.error ? (
        <Failed error={board.error} retry={() => board.refetch()} />
      ) : floors.length === 0 ? (
        <Empty description={t.empty} />
      ) : (
        <div data-testid="bed-board">
          {floors.map(([floor, rooms]) => (
            <div key={floor} style={{ marginBottom: 18 }}>
              <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
                {floor}
              </Typography.Title>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10 }}>
                {[...rooms.entries()]
                  .sort(([a], [b]) => a.localeCompare(b, 'zh', { numeric: true }))
                  .map(([room, beds]) => (
                    <div key={room} style={{ border: '1px solid #e3e8ef', borderRadius: 6, padding: '6px 8px', background: '#fff' }}>
                      <div style={{ fontSize: 12, color: '#7b8794', marginBottom: 4 }}>
                        {t.room} {room}
                      </div>
                      <div style={{ display: 'flex', gap: 6 }}>
                        {beds
                          .sort((a, b) => a.code.localeCompare(b.code, 'zh', { numeric: true }))
                          .map((b) => (
                            <BedTile key={b.id} bed={b} onAdmit={() => setAdmitBed(b)} />
                          ))}
                      </div>
                    </div>
                  ))}
              </div>
            </div>
          ))}
        </div>
      )}
      {admitBed && <AdmitDialog bed={admitBed} day={day} onClose={() => setAdmitBed(null)} />}
    </Card>
  );
}

function BedTile({ bed, onAdmit }: { bed: BedOnDate; onAdmit: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { facilityId } = useParams();
  const c = COLOURS[bed.status];
  const o = bed.occupant;
  const tip = o ? (
    <div>
      <b>{o.name}</b> · {o.careLevel ? t[o.careLevel] : t.unassessed}
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
      {t.outOfService}: {bed.outOfService.reason}
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
          width: 74,
          height: 54,
          border: `1.5px solid ${c.border}`,
          background: c.bg,
          color: c.fg,
          borderRadius: 5,
          cursor: bed.status === 'OUT_OF_SERVICE' ? 'default' : 'pointer',
          position: 'relative',
          padding: 2,
          font: 'inherit',
          fontSize: 12,
          lineHeight: 1.25,
        }}
      >
        {bed.kind === 'NURSING' && (
          <span title={t.nursing} style={{ position: 'absolute', top: 1, right: 3, fontSize: 10, color: '#b42318', fontWeight: 700 }}>
            护
          </span>
        )}
        <div style={{ fontWeight: 600 }}>{bed.code}</div>
        <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {o ? o.name : bed.status === 'OUT_OF_SERVICE' ? t.outOfService : t.free}
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
      title={`${t.admitTo} ${bed.code}${bed.kind === 'NURSING' ? `（${t.nursing}）` : ''}`}
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
        <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="gender" label={t.gender}>
            <Radio.Group
              options={[
                { label: t.female, value: 'F' },
                { label: t.male, value: 'M' },
              ]}
            />
          </Form.Item>
          <Form.Item name="dateOfBirth" label={t.dateOfBirth} rules={[{ required: true, message: '请选择出生日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item
          name="idNumber"
          label={t.idNumber}
          dependencies={['dateOfBirth']}
          validateTrigger={['onChange', 'onBlur']}
          hasFeedback
          rules={[
            { required: true, message: '请填写身份证号' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const dob = getFieldValue('dateOfBirth') as Dayjs | undefined;
                const problem = idNumberProblem(value.trim(), dob ? dob.format('YYYY-MM-DD') : undefined);
                return problem ? Promise.reject(new Error(ID_NUMBER_PROBLEM_MESSAGES[problem])) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input maxLength={18} placeholder="410421194805121234" data-testid="id-number" />
        </Form.Item>
        <Space size="large">
          <Form.Item name="careLevel" label={t.careLevel}>
            <Select
              style={{ width: 140 }}
              options={(['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).map((l) => ({ value: l, label: t[l] }))}
            />
          </Form.Item>
          <Form.Item name="admittedOn" label={t.admittedOn} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        {serverError && (
          <Typography.Text type="danger" data-testid="server-error">
            {serverError}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
