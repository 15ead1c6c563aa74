/**
 * Saving a form, the same way everywhere: validate → save (with the version read) → on 400 put the server's
 * messages on the fields → on 409 VERSION_CONFLICT show the other person's change beside the user's own
 * (ConflictDialog) and let the user reload theirs or overwrite → anything else is a toast.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, isApiError } from '../../api';
import { applyFieldErrors, toNamePath, useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import { ConflictDialog, conflictRows, type ConflictRow } from './ConflictDialog';

export interface SaveOptions<V, R> {
  form: FormInstance<V>;
  /** Top-level form names that server error paths may land on. */
  fields: readonly string[];
  /** The version of the record as read (editing); undefined when creating. */
  version?: number;
  /** The write: called with the validated values and the version to send. */
  save: (values: V, version: number | undefined) => Promise<R>;
  onSaved: (result: R) => void;
  /** How the record in a 409 becomes form values, and the labels of the fields to compare. */
  conflict?: { toValues: (current: never) => Partial<V>; labels: Record<string, string> };
  /** A plain 409 CONFLICT (a duplicate, e.g. the code is taken) is shown on this field instead of a toast. */
  conflictField?: string;
  /** Adjusts server error paths before they are put on the fields. */
  normalise?: (e: ApiError) => ApiError;
  /** Called when the values do not pass the form's own rules or the server's (e.g. to scroll or toast). */
  onInvalid?: (firstField: (string | number)[] | undefined) => void;
}

interface Conflict {
  current: { version?: number; updatedBy?: string | null };
  rows: ConflictRow[];
  values: unknown;
}

export function useSave<V, R>(
  o: SaveOptions<V, R>,
): { submit: () => Promise<void>; saving: boolean; dialog: ReactNode } {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const version = useRef(o.version);
  useEffect(() => {
    version.current = o.version;
  }, [o.version]);
  const opts = useRef(o);
  opts.current = o;

  const write = async (values: V, v: number | undefined) => {
    const { form, fields, save, onSaved, normalise, onInvalid } = opts.current;
    setSaving(true);
    try {
      const result = await save(values, v);
      const next = (result as { version?: unknown } | null)?.version;
      if (typeof next === 'number') version.current = next;
      setConflict(null);
      onSaved(result);
    } catch (e) {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT' && e.current && opts.current.conflict) {
        const theirs = opts.current.conflict.toValues(e.current as never) as Record<string, unknown>;
        setConflict({
          current: e.current as Conflict['current'],
          rows: conflictRows(opts.current.conflict.labels, values as Record<string, unknown>, theirs),
          values,
        });
      } else if (isApiError(e) && e.code === 'CONFLICT' && opts.current.conflictField) {
        form.setFields([{ name: opts.current.conflictField as never, errors: [e.message] }]);
        onInvalid?.([opts.current.conflictField]);
      } else if (isApiError(e) && e.code === 'VALIDATION') {
        const err = normalise ? normalise(e) : e;
        if (applyFieldErrors(form, err, fields)) onInvalid?.(toNamePath(err.details[0]?.path ?? ''));
        else toast(e);
      } else toast(e);
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    const values = await o.form.validateFields().catch((err: { errorFields?: { name: (string | number)[] }[] }) => {
      o.onInvalid?.(err.errorFields?.[0]?.name);
      return null;
    });
    if (values === null) return;
    // validateFields returns the mounted fields only; the whole store keeps hidden ones (ids, lists).
    await write({ ...(o.form.getFieldsValue(true) as V), ...values }, version.current);
  };

  const dialog = (
    <ConflictDialog
      open={conflict !== null}
      rows={conflict?.rows ?? []}
      who={conflict?.current.updatedBy}
      busy={saving}
      onCancel={() => setConflict(null)}
      onReload={() => {
        if (!conflict || !o.conflict) return;
        o.form.resetFields();
        o.form.setFieldsValue(
          o.conflict.toValues(conflict.current as never) as Parameters<typeof o.form.setFieldsValue>[0],
        );
        version.current = conflict.current.version;
        setConflict(null);
        void message.info(t('conflict.reloaded'));
      }}
      onOverwrite={() => {
        if (conflict) void write(conflict.values as V, conflict.current.version);
      }}
    />
  );
  return { submit, saving, dialog };
}
