/**
 * A DatePicker whose form value is the ISO date text (YYYY-MM-DD) the API reads and writes: spread on its
 * Form.Item, so that saving sends the text and the conflict dialog compares and shows dates, not date objects.
 */
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { ISO } from './DutyShared';

export const isoDateItem = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format(ISO) : null),
};
