import { useStore } from "@nanostores/preact";
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { formatCompact, formatNumber } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { downloadCsv } from "./csv.ts";

export interface Series {
  label: string;
  /** A CSS class that sets the stroke/fill colour (console.css: series-1 ... series-4). */
  className: string;
  values: number[];
  /** How a value reads in the table (money, a percentage); default a localized number. */
  format?: (value: number) => string;
}

export interface ChartData {
  title: string;
  /** The file name of the CSV export, without extension. */
  file: string;
  /** The first column's heading (a day, a week) and each row's label as shown, with its raw value for the CSV. */
  labelHeading: string;
  labels: { raw: string; shown: string }[];
  series: Series[];
}

const WIDTH = 640;
const HEIGHT = 220;
const TOP = 10;
const BOTTOM = 26;
const RIGHT = 26;

/** A round top for the axis; even, so that its middle tick is a whole number too. */
const niceMax = (value: number) => {
  if (value <= 0) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const top = Math.ceil(value / magnitude) * magnitude;
  return top % 2 && top < 10 ? top + 1 : top;
};

/**
 * A chart with its title, a CSV of its numbers, and the numbers as a table: always in the page for screen readers (the drawing
 * itself is hidden from them), shown on the screen on demand.
 */
function Figure(props: ChartData & { children: ComponentChildren; legend?: boolean }) {
  const t = useStore($t);
  const locale = useStore($locale);
  const [shown, setShown] = useState(false);
  const id = `table-${props.file}`;
  const csv = () =>
    downloadCsv(`${props.file}.csv`, [
      [props.labelHeading, ...props.series.map((series) => series.label)],
      ...props.labels.map((label, index) => [label.raw, ...props.series.map((series) => String(series.values[index] ?? 0))]),
    ]);
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{props.title}</figcaption>
      <div aria-hidden="true">
        {props.children}
        {props.legend !== false && (
          <ul class="legend">
            {props.series.map((series) => (
              <li key={series.label}>
                <span class={`swatch ${series.className}`} />
                {series.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="actions">
        <button type="button" aria-expanded={shown} aria-controls={id} onClick={() => setShown(!shown)}>
          {shown ? t("hideData") : t("dataTable")}
        </button>
        <button type="button" onClick={csv}>
          {t("downloadCsv")}
        </button>
      </div>
      <div id={id} class={shown ? "table-scroll" : "visually-hidden"}>
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              {props.series.map((series) => (
                <th key={series.label} scope="col" class="number">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.labels.map((label, index) => (
              <tr key={label.raw}>
                <th scope="row">{label.shown}</th>
                {props.series.map((series) => (
                  <td key={series.label} class="number">
                    {(series.format ?? ((value: number) => formatNumber(value, locale)))(series.values[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The plot's geometry: the left margin fits the longest value label, so none is cut. */
function useFrame(values: number[], count: number) {
  const locale = useStore($locale);
  const max = niceMax(Math.max(0, ...values));
  const ticks = [0, max / 2, max].map((tick) => ({ tick, text: formatCompact(tick, locale) }));
  const left = 12 + 7 * Math.max(...ticks.map(({ text }) => text.length));
  const plotWidth = WIDTH - left - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  return {
    max,
    ticks,
    left,
    plotWidth,
    x: (index: number) => left + ((index + 0.5) / count) * plotWidth,
    y: (value: number) => TOP + plotHeight - (value / max) * plotHeight,
    plotHeight,
  };
}

function Axes({ frame, labels }: { frame: ReturnType<typeof useFrame>; labels: ChartData["labels"] }) {
  const every = Math.max(1, Math.ceil(labels.length / 7));
  return (
    <g class="axes">
      {frame.ticks.map(({ tick, text }) => (
        <g key={tick}>
          <line x1={frame.left} x2={WIDTH - RIGHT} y1={frame.y(tick)} y2={frame.y(tick)} class="grid" />
          <text x={frame.left - 6} y={frame.y(tick) + 4} text-anchor="end">
            {text}
          </text>
        </g>
      ))}
      {labels.map((label, index) =>
        index % every === 0 ? (
          <text key={label.raw} x={frame.x(index)} y={HEIGHT - 8} text-anchor="middle">
            {label.shown}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Lines over time (members, active members). */
export function LineChart(props: ChartData) {
  const frame = useFrame(
    props.series.flatMap((series) => series.values),
    props.labels.length,
  );
  return (
    <Figure {...props}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <Axes frame={frame} labels={props.labels} />
        {props.series.map((series) => (
          <g key={series.label} class={series.className}>
            <polyline fill="none" stroke-width="2" points={series.values.map((value, index) => `${frame.x(index)},${frame.y(value)}`).join(" ")} />
            {series.values.map((value, index) => (
              <circle key={index} cx={frame.x(index)} cy={frame.y(value)} r="3" />
            ))}
          </g>
        ))}
      </svg>
    </Figure>
  );
}

/** Side-by-side bars per label (points earned vs redeemed; online vs in-store orders). */
export function BarChart(props: ChartData) {
  const frame = useFrame(
    props.series.flatMap((series) => series.values),
    props.labels.length,
  );
  const slot = frame.plotWidth / Math.max(1, props.labels.length);
  const bar = (slot * 0.8) / props.series.length;
  return (
    <Figure {...props}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <Axes frame={frame} labels={props.labels} />
        {props.series.map((series, seriesIndex) => (
          <g key={series.label} class={series.className}>
            {series.values.map((value, index) => (
              <rect
                key={index}
                x={frame.left + index * slot + slot * 0.1 + seriesIndex * bar}
                y={frame.y(value)}
                width={bar}
                height={(value / frame.max) * frame.plotHeight}
              />
            ))}
          </g>
        ))}
      </svg>
    </Figure>
  );
}

/** Horizontal bars with their values written out (the referral funnel): HTML that wraps at any width, so no label is cut. */
export function HorizontalBars(props: ChartData) {
  const locale = useStore($locale);
  const [series] = props.series;
  const values = series?.values ?? [];
  const max = niceMax(Math.max(0, ...values));
  return (
    <Figure {...props} legend={false}>
      <ul class="hbars">
        {props.labels.map((label, index) => (
          <li key={label.raw} class={`series-${(index % 4) + 1}`}>
            <span class="hbar-label">{label.shown}</span>
            <span class="hbar-track">
              <span class="hbar" style={{ width: `${Math.max(0.5, ((values[index] ?? 0) / max) * 100)}%` }} />
            </span>
            <span class="hbar-value">{formatNumber(values[index] ?? 0, locale)}</span>
          </li>
        ))}
      </ul>
    </Figure>
  );
}
