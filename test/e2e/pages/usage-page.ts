import type { Download, Locator, Page } from '@playwright/test';

/** What the page's window offers for reading colours; the Node project has no DOM types. */
interface StyleWindow {
  getComputedStyle(element: unknown): Record<ColourProperty, string>;
  document: {
    body: { append(node: unknown): void };
    createElement(tag: string): { style: { color: string }; remove(): void };
  };
}

type ColourProperty = 'fill' | 'stroke' | 'color' | 'backgroundColor' | 'borderColor';

/** The parts of the chart that carry a colour, and where the chart library draws each (no role reaches them). */
const chartParts = {
  'axis text': { selector: '.recharts-cartesian-axis-tick-value', property: 'fill' },
  'axis line': { selector: '.recharts-cartesian-axis-line', property: 'stroke' },
  grid: { selector: '.recharts-cartesian-grid line', property: 'stroke' },
  'first bar': { selector: '.recharts-bar-rectangle path', property: 'fill' },
  'legend text': { selector: '.recharts-legend-item-text', property: 'color' },
  'tooltip background': { selector: '.recharts-default-tooltip', property: 'backgroundColor' },
  'tooltip border': { selector: '.recharts-default-tooltip', property: 'borderColor' },
  'tooltip label': { selector: '.recharts-tooltip-label', property: 'color' },
  'tooltip item': { selector: '.recharts-tooltip-item', property: 'color' },
  'tooltip cursor': { selector: '.recharts-tooltip-cursor', property: 'fill' },
} as const satisfies Record<string, { selector: string; property: ColourProperty }>;

export type ChartPart = keyof typeof chartParts;

/** The Usage view: spend per period, model and gateway, as a chart, a table and a CSV file. */
export class UsagePage {
  readonly region: Locator;
  readonly table: Locator;
  readonly chart: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Usage' });
    this.table = this.region.getByRole('table');
    this.chart = this.region.getByRole('figure');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage' }).click();
  }

  /** The table's rows, without its header. */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  }

  async groupBy(period: 'Day' | 'Week' | 'Month'): Promise<void> {
    await this.region.getByRole('radio', { name: period }).click();
  }

  /** Clicks Export CSV and returns the file the browser was handed. */
  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.region.getByRole('button', { name: 'Export CSV' }).click();
    return download;
  }

  /** Points at the first bar, as a user does to read its figures, and waits for the tooltip. */
  async showTooltip(): Promise<void> {
    await this.chart.locator(chartParts['first bar'].selector).first().hover();
    await this.chart.locator(chartParts['tooltip background'].selector).waitFor();
  }

  /** The colour a part of the chart is drawn in now, as the browser computed it (`rgb(...)`). */
  chartColour(part: ChartPart): Promise<string> {
    const { selector, property } = chartParts[part];
    return this.chart
      .locator(selector)
      .first()
      .evaluate(
        (element, name) => (globalThis as unknown as StyleWindow).getComputedStyle(element)[name],
        property,
      );
  }

  /** A theme colour (a custom property of styles/tokens.css) as the browser computes it, to compare with. */
  themeColour(token: `--${string}`): Promise<string> {
    return this.page.evaluate((name) => {
      const window = globalThis as unknown as StyleWindow;
      const probe = window.document.createElement('span');
      probe.style.color = `var(${name})`;
      window.document.body.append(probe);
      const colour = window.getComputedStyle(probe).color;
      probe.remove();
      return colour;
    }, token);
  }
}
