/**
 * A form in a modal, the shape every create/edit dialog takes: validate → save (with the version read) → server
 * errors on their fields → the conflict dialog on 409 → close. The fields are the children (Form.Items).
 */
import { useEffect, type ReactNode } from 'react';
import { Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '../../i18n';
import { useSave, type SaveOptions } from './useSave';

export interface FormModalProps<V, R> extends Omit<SaveOptions<V, R>, 'form' | 'onInvalid'> {
  open: boolean;
  title: ReactNode;
  /** Values when the modal opens (a record being edited, or the defaults of a new one). */
  initialValues?: Partial<V>;
  onClose: () => void;
  width?: number;
  okText?: string;
  testId?: string;
  /** The Form.Items; a function gets the form (for watched fields). */
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

export function FormModal<V extends object, R>(p: FormModalProps<V, R>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const { submit, saving, dialog } = useSave<V, R>({ ...p, form });
  useEffect(() => {
    if (!p.open) return;
    form.resetFields();
    if (p.initialValues) form.setFieldsValue(p.initialValues as Parameters<typeof form.setFieldsValue>[0]);
    // Reset when the modal opens or another record is given.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.open, p.initialValues]);
  return (
    <Modal
      title={p.title}
      open={p.open}
      onCancel={p.onClose}
      onOk={submit}
      okText={p.okText ?? t('common.save')}
      confirmLoading={saving}
      width={p.width}
      destroyOnHidden
      forceRender
      data-testid={p.testId}
    >
      <Form<V> form={form} layout="vertical">
        {typeof p.children === 'function' ? p.children(form) : p.children}
      </Form>
      {dialog}
    </Modal>
  );
}
