/**
 * 结束结对 and 修改结对 — the two changes of a pairing, each a FormModal that sends the version read: when someone
 * else changed the pairing first (409) the conflict dialog shows their values beside the user's own.
 */
import { useMemo } from 'react';
import { DatePicker, Form, Input, Typography } from 'antd';
import { pairings, type PairingView } from '@shared/contracts/pairings';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { todayIso } from './DutyShared';
import { isoDateItem } from './isoDate';

interface Props {
  /** The pairing to change (null: closed). */
  pairing: PairingView | null;
  onClose: () => void;
  onSaved: (p: PairingView) => void;
}

interface EndValues {
  endDate: string | null;
}

export function PairingEndModal({ pairing, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const initialValues = useMemo<EndValues>(() => ({ endDate: todayIso() }), []);
  return (
    <FormModal<EndValues, PairingView>
      open={!!pairing}
      title={t('pair.endTitle')}
      okText={t('pair.end')}
      width={420}
      testId="pair-end-modal"
      initialValues={initialValues}
      fields={['endDate']}
      version={pairing?.version}
      save={(v, version) =>
        call(pairings.end, { params: { id: pairing!.id }, body: { endDate: v.endDate ?? '', version } })
      }
      conflict={{
        toValues: (current: PairingView) => ({ endDate: current.endDate }),
        labels: { endDate: t('fb.endDate') },
      }}
      conflictField="endDate"
      onClose={onClose}
      onSaved={onSaved}
    >
      <Typography.Paragraph>{t('pair.endConfirm')}</Typography.Paragraph>
      <Form.Item
        name="endDate"
        label={t('fb.endDate')}
        rules={[{ required: true, message: t('form.select', { field: t('fb.endDate') }) }]}
        {...isoDateItem}
      >
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

interface EditValues {
  startDate: string | null;
  note: string | null;
}

const toEditValues = (p: PairingView): EditValues => ({ startDate: p.startDate, note: p.note });

export function PairingEditModal({ pairing, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const initialValues = useMemo(() => (pairing ? toEditValues(pairing) : undefined), [pairing]);
  return (
    <FormModal<EditValues, PairingView>
      open={!!pairing}
      title={t('pair.editTitle')}
      width={480}
      testId="pair-edit-modal"
      initialValues={initialValues}
      fields={['startDate', 'note']}
      version={pairing?.version}
      save={(v, version) =>
        call(pairings.update, {
          params: { id: pairing!.id },
          body: { startDate: v.startDate ?? undefined, note: v.note?.trim() || null, version },
        })
      }
      conflict={{ toValues: toEditValues, labels: { startDate: t('fb.startDate'), note: t('fb.note') } }}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item
        name="startDate"
        label={t('fb.startDate')}
        rules={[{ required: true, message: t('form.select', { field: t('fb.startDate') }) }]}
        {...isoDateItem}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('fb.note')}>
        <Input.TextArea rows={3} maxLength={500} data-testid="pair-edit-note" />
      </Form.Item>
    </FormModal>
  );
}
