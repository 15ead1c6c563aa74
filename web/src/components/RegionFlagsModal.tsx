/** Modal with one switch per region flag (regions.setFlags, with the version read: a 409 shows the conflict). */
import { useMemo } from 'react';
import { Form, Switch } from 'antd';
import { REGION_FLAGS, REGION_FLAG_LABELS } from '@shared/codes';
import { regions, type RegionDetail, type RegionFlags } from '@shared/contracts/regions';
import { call } from '../api';
import { useI18n } from '../i18n';
import { FormModal } from './common/FormModal';

interface Props {
  region: RegionDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (region: RegionDetail) => void;
}

export function RegionFlagsModal({ region, open, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const labels = useMemo(() => Object.fromEntries(REGION_FLAGS.map((f) => [f, L(REGION_FLAG_LABELS[f])])), [L]);

  // Unchanged: nothing to send. Otherwise every flag as the form shows it, so an overwrite after a conflict
  // leaves the region as the user saw it.
  const save = async (values: RegionFlags, version: number | undefined) => {
    const flags = Object.fromEntries(REGION_FLAGS.map((f) => [f, !!values[f]])) as RegionFlags;
    if (REGION_FLAGS.every((f) => flags[f] === region.flags[f]) && version === region.version) return region;
    return call(regions.setFlags, { params: { code: region.code }, body: { ...flags, version } });
  };

  return (
    <FormModal<RegionFlags, RegionDetail>
      title={t('region.flagsTitle', { name: region.name })}
      open={open}
      onClose={onClose}
      initialValues={region.flags}
      fields={REGION_FLAGS}
      version={region.version}
      save={save}
      onSaved={onSaved}
      conflict={{ toValues: (current: RegionDetail) => current.flags, labels }}
      testId="region-flags-modal"
    >
      {REGION_FLAGS.map((f) => (
        <Form.Item
          key={f}
          name={f}
          label={labels[f]}
          valuePropName="checked"
          layout="horizontal"
          labelCol={{ span: 10 }}
          wrapperCol={{ span: 14 }}
        >
          <Switch />
        </Form.Item>
      ))}
    </FormModal>
  );
}
