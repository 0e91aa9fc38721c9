import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { groupUsage, usagePeriods, type UsagePeriod } from '../../../src-preload/contract/usage';
import { useAppStore } from '../../app/use-app-store';
import { ViewHeader } from '../../components/ViewHeader';
import { chartSeries, gatewayLabel, modelLabel, money, usageCsv } from './usage-table';
import './usage.css';

/*
 * The chart draws in the theme's colours (styles/tokens.css), named here as CSS variables, so it follows the
 * light and dark themes as the rest of the window does, without re-rendering. SVG presentation attributes
 * and inline styles both resolve `var()`.
 */
const seriesColours = 8;
const seriesFill = (index: number) => `var(--chart-${(index % seriesColours) + 1})`;
const axisTick = { fill: 'var(--text-muted)' };
const tooltipBox = {
  backgroundColor: 'var(--surface)',
  borderColor: 'var(--border)',
  color: 'var(--text)',
};
const plainText = { color: 'var(--text)' };
const tooltipCursor = { fill: 'var(--surface-2)' };

function isPeriod(value: string): value is UsagePeriod {
  return (usagePeriods as readonly string[]).includes(value);
}

/** Hands the CSV to the browser as a download; main's session decides where it is saved. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export function UsageView() {
  const { t } = useTranslation('usage');
  const entries = useAppStore((s) => s.usageEntries);
  const error = useAppStore((s) => s.usageError);
  const period = useAppStore((s) => s.usagePeriod);
  const setPeriod = useAppStore((s) => s.setUsagePeriod);
  const loadUsage = useAppStore((s) => s.loadUsage);
  const captionId = useId();

  useEffect(() => {
    void loadUsage();
  }, [loadUsage]);

  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const rows = useMemo(() => groupUsage(entries ?? [], period, timeZone), [entries, period, timeZone]);
  const series = useMemo(() => chartSeries(rows), [rows]);
  const periodName = t(`period.${period}`).toLowerCase();

  return (
    <section className="view usage-view" aria-label={t('region')}>
      <ViewHeader title={t('title')}>
        <button
          type="button"
          className="button"
          disabled={rows.length === 0}
          onClick={() => {
            download(usageCsv(rows), `seedream-usage-by-${period}.csv`);
          }}
        >
          {t('export')}
        </button>
      </ViewHeader>
      <p className="field__hint">{t('intro')}</p>
      <ToggleGroup.Root
        type="single"
        className="usage-view__periods"
        aria-label={t('groupBy')}
        value={period}
        onValueChange={(value) => {
          if (isPeriod(value)) setPeriod(value);
        }}
      >
        {usagePeriods.map((name) => (
          <ToggleGroup.Item key={name} value={name} className="usage-view__period">
            {t(`period.${name}`)}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
      {error && (
        <p role="alert" className="notice">
          {t('loadFailed', { message: error.message })}
        </p>
      )}
      {entries !== null && rows.length === 0 && <p className="usage-view__empty">{t('empty')}</p>}
      {series && (
        <figure className="usage-view__chart">
          <figcaption>{t('chart', { period: periodName, currency: series.currency })}</figcaption>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={series.points}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="period" stroke="var(--border)" tick={axisTick} />
              <YAxis stroke="var(--border)" tick={axisTick} />
              <Tooltip
                contentStyle={tooltipBox}
                labelStyle={plainText}
                itemStyle={plainText}
                cursor={tooltipCursor}
              />
              {/* The swatch carries the series colour; the name stays in the text colour, readable in both themes. */}
              <Legend labelStyle={plainText} />
              {/* Drawn at once: figures that grow into place on every visit are motion a calm tool does without. */}
              {series.models.map((model, index) => (
                <Bar
                  key={model}
                  dataKey={model}
                  stackId="spend"
                  fill={seriesFill(index)}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
      {rows.length > 0 && (
        <table className="usage-view__table" aria-describedby={captionId}>
          <caption id={captionId}>{t('table.caption', { period: periodName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.period')}</th>
              <th scope="col">{t('table.model')}</th>
              <th scope="col">{t('table.gateway')}</th>
              <th scope="col">{t('table.images')}</th>
              <th scope="col">{t('table.cost')}</th>
              <th scope="col">{t('table.failedCost')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.period} ${row.model} ${row.gateway} ${row.currency}`}>
                <th scope="row">{row.period}</th>
                <td>{modelLabel(row.model)}</td>
                <td>{gatewayLabel(row.gateway)}</td>
                <td>{row.images}</td>
                <td>{money(row.costMicros, row.currency)}</td>
                <td>{money(row.failedCostMicros, row.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
