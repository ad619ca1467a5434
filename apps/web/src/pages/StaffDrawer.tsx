import { App, Button, Descriptions, Drawer, Grid, List, Popconfirm, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useErrorMessage } from '../api/errors';
import { type Staff, useRemoveQualification, useStaffing, useUpdateStaff } from '../api/hooks/staff';
import { type Messages, useI18n } from '../i18n';
import { useToday } from '../today';
import { CertificateDialog, LeaveDialog, roleLabels, StaffFormDialog, TrainingDialog } from './StaffDialogs';
import { Secondary } from './page-parts';

type Open =
  | { kind: 'edit' }
  | { kind: 'leave' }
  | { kind: 'certificate'; certificate?: Staff['certificates'][number] }
  | { kind: 'training'; training?: Staff['trainings'][number] };

const reasonText = (t: Messages): Record<string, string> => ({
  NOT_EMPLOYED: t.staffReasonNotEmployed,
  UNTRAINED: t.staffReasonUntrained,
  NO_VALID_CERTIFICATE: t.staffReasonNoCertificate,
  CERTIFICATE_EXPIRED: t.staffReasonCertificateExpired,
});

/**
 * One staff member: details, trainings and certificates, whether they count toward today's ratio
 * and why not (docs/rules.md §6); a manager edits, ends employment, adds, corrects and removes.
 */
export default function StaffDrawer({ staff, canEdit, onClose }: { staff: Staff; canEdit: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const phone = !Grid.useBreakpoint().md;
  const [open, setOpen] = useState<Open | null>(null);
  const remove = useRemoveQualification(staff.id);
  const update = useUpdateStaff(staff.id);
  const day = today().format('YYYY-MM-DD');
  const staffing = useStaffing(day, today().add(1, 'day').format('YYYY-MM-DD'));
  const roles = roleLabels(t);
  const left = staff.employedTo !== null && !dayjs(staff.employedTo).isAfter(today(), 'day');
  const excluded = staffing.data?.days[0]?.excluded.find((e) => e.staffId === staff.id);
  const counted =
    staff.role !== 'CAREGIVER' ? t.staffNotCaregiver : !staffing.data ? '…' : excluded ? reasonText(t)[excluded.reason] : t.staffCountedYes;
  const undoLeave = () =>
    update.mutate({ employedTo: null }, { onSuccess: () => message.success(t.saved), onError: (e) => message.error(describe(e)) });
  const removeOne = (kind: 'certificate' | 'training', id: string) =>
    remove.mutate({ kind, id }, { onSuccess: () => message.success(t.staffRemoved), onError: (e) => message.error(describe(e)) });
  return (
    <Drawer
      open
      onClose={onClose}
      title={<span data-data>{staff.name}</span>}
      width={phone ? '100%' : 520}
      data-testid="staff-drawer"
      extra={
        canEdit && (
          <Space wrap>
            <Button onClick={() => setOpen({ kind: 'edit' })} data-testid="staff-edit">
              {t.staffEdit}
            </Button>
            <Button danger onClick={() => setOpen({ kind: 'leave' })} data-testid="staff-leave">
              {t.staffLeave}
            </Button>
            {staff.employedTo && (
              <Popconfirm title={t.staffUndoLeaveConfirm} okText={t.staffUndoLeave} cancelText={t.cancel} onConfirm={undoLeave}>
                <Button data-testid="staff-undo-leave">{t.staffUndoLeave}</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { label: t.role, children: roles[staff.role] },
          { label: t.staffEmployedFrom, children: <span data-data>{staff.employedFrom}</span> },
          {
            label: t.staffEmployment,
            children: staff.employedTo ? (
              <span data-testid="staff-employment">
                {left ? <Tag>{t.staffLeft}</Tag> : <Tag color="green">{t.staffOnDuty}</Tag>} {t.staffEmployedTo}{' '}
                <span data-data>{staff.employedTo}</span>
              </span>
            ) : (
              <Tag color="green">{t.staffOnDuty}</Tag>
            ),
          },
          { label: t.fte, children: <span data-data>{staff.fte}</span> },
          { label: t.staffPhone, children: staff.phone ? <span data-data>{staff.phone}</span> : '—' },
          { label: t.staffCountedToday, children: <span data-testid="staff-counted">{counted}</span> },
        ]}
      />

      <QualificationList
        testId="staff-trainings"
        title={t.staffTrainings}
        addLabel={t.staffAddTraining}
        addTestId="add-training"
        emptyText={t.staffNoTrainings}
        items={staff.trainings}
        canEdit={canEdit}
        onAdd={() => setOpen({ kind: 'training' })}
        onCorrect={(training) => setOpen({ kind: 'training', training })}
        onRemove={(id) => removeOne('training', id)}
        itemTitle={(tr) => <span data-data>{tr.course}</span>}
        description={(tr) => (
          <span>
            {t.staffCompletedOn} <span data-data>{tr.completedOn}</span> ·{' '}
            {tr.passed ? <Tag color="green">{t.staffPassedYes}</Tag> : <Tag color="red">{t.staffPassedNo}</Tag>}
          </span>
        )}
      />

      <QualificationList
        testId="staff-certificates"
        title={t.certificates}
        addLabel={t.staffAddCertificate}
        addTestId="add-certificate"
        emptyText={t.staffNoCertificates}
        items={staff.certificates}
        canEdit={canEdit}
        onAdd={() => setOpen({ kind: 'certificate' })}
        onCorrect={(certificate) => setOpen({ kind: 'certificate', certificate })}
        onRemove={(id) => removeOne('certificate', id)}
        itemTitle={(c) => (
          <span data-data>
            {c.type}
            {c.level ? ` · ${c.level}` : ''}
          </span>
        )}
        description={(c) => (
          <span>
            {t.staffCertificateNumber} <span data-data>{c.number}</span> · {t.staffIssuedOn} <span data-data>{c.issuedOn}</span> ·{' '}
            {t.expiresOn} <span data-data>{c.expiresOn}</span>
          </span>
        )}
      />

      {open?.kind === 'edit' && <StaffFormDialog staff={staff} onClose={() => setOpen(null)} />}
      {open?.kind === 'leave' && <LeaveDialog staff={staff} onClose={() => setOpen(null)} />}
      {open?.kind === 'certificate' && <CertificateDialog staff={staff} certificate={open.certificate} onClose={() => setOpen(null)} />}
      {open?.kind === 'training' && <TrainingDialog staff={staff} training={open.training} onClose={() => setOpen(null)} />}
    </Drawer>
  );
}

/** A staff member's trainings or certificates: a titled list with add, and per row correct and remove (confirmed). */
function QualificationList<T extends { id: string }>(props: {
  testId: string;
  title: string;
  addLabel: string;
  addTestId: string;
  emptyText: string;
  items: T[];
  canEdit: boolean;
  onAdd: () => void;
  onCorrect: (item: T) => void;
  onRemove: (id: string) => void;
  itemTitle: (item: T) => ReactNode;
  description: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <List
      style={{ marginTop: 16 }}
      size="small"
      bordered
      data-testid={props.testId}
      header={
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <h2 style={{ fontSize: 16, margin: 0 }}>{props.title}</h2>
          {props.canEdit && (
            <Button size="small" type="primary" onClick={props.onAdd} data-testid={props.addTestId}>
              {props.addLabel}
            </Button>
          )}
        </div>
      }
      locale={{ emptyText: <Secondary>{props.emptyText}</Secondary> }}
      dataSource={props.items}
      renderItem={(item) => (
        <List.Item
          actions={
            props.canEdit
              ? [
                  <Button key="fix" size="small" type="link" onClick={() => props.onCorrect(item)}>
                    {t.staffCorrect}
                  </Button>,
                  <Popconfirm
                    key="remove"
                    title={t.staffRemoveConfirm}
                    okText={t.staffRemove}
                    cancelText={t.cancel}
                    onConfirm={() => props.onRemove(item.id)}
                  >
                    <Button size="small" type="link" danger>
                      {t.staffRemove}
                    </Button>
                  </Popconfirm>,
                ]
              : []
          }
        >
          <List.Item.Meta title={props.itemTitle(item)} description={props.description(item)} />
        </List.Item>
      )}
    />
  );
}
