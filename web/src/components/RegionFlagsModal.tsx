/** Modal with one switch per region flag; PATCH /api/regions/{code}/flags. */
import { useState } from 'react';
import { Form, Modal, Switch } from 'antd';
import { REGION_FLAGS, REGION_FLAG_LABELS } from '@shared/codes';
import { api } from '../api';
import { useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import type { RegionDetail, RegionFlags } from '../types';

interface Props {
  region: RegionDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (region: RegionDetail) => void;
}

export function RegionFlagsModal({ region, open, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const toast = useErrorToast();
  const [form] = Form.useForm<RegionFlags>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const changed = REGION_FLAGS.filter((f) => !!values[f] !== !!region.flags[f]);
    if (changed.length === 0) return onClose();
    setSaving(true);
    try {
      const body = Object.fromEntries(changed.map((f) => [f, !!values[f]]));
      onSaved(await api.patch<RegionDetail>(`/regions/${region.code}/flags`, body));
    } catch (e) {
      toast(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('region.flagsTitle', { name: region.name })}
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form
        form={form}
        initialValues={region.flags}
        layout="horizontal"
        labelCol={{ span: 10 }}
        wrapperCol={{ span: 14 }}
      >
        {REGION_FLAGS.map((f) => (
          <Form.Item key={f} name={f} label={L(REGION_FLAG_LABELS[f])} valuePropName="checked">
            <Switch />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
