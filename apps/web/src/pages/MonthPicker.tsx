import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useToday } from '../today';

/** A month up to the facility's current one (a month that has not begun cannot be chosen), never empty. */
export function MonthPicker({
  value,
  onChange,
  label,
  testId,
}: {
  value: Dayjs;
  onChange: (month: Dayjs) => void;
  label: string;
  testId: string;
}) {
  const today = useToday();
  return (
    <DatePicker
      picker="month"
      value={value}
      onChange={(d) => d && onChange(d)}
      allowClear={false}
      disabledDate={(d) => d.isAfter(today(), 'month')}
      aria-label={label}
      data-testid={testId}
    />
  );
}
