import type { ComponentChildren } from "preact";

export interface Series {
  label: string;
  /** A CSS class that sets the stroke/fill colour (console.css: series-1, series-2). */
  className: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 44, right: 8, top: 8, bottom: 22 };
const plotWidth = WIDTH - PAD.left - PAD.right;
const plotHeight = HEIGHT - PAD.top - PAD.bottom;

const niceMax = (value: number) => {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / magnitude) * magnitude;
};

/** A chart with its title as the accessible name, a legend, and the numbers in a table behind a disclosure. */
function Figure(props: { title: string; series: Series[]; labels: string[]; tableLabel: string; children: ComponentChildren }) {
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title}>
        {props.children}
      </svg>
      <ul class="legend">
        {props.series.map((series) => (
          <li key={series.label}>
            <span class={`swatch ${series.className}`} aria-hidden="true" />
            {series.label}
          </li>
        ))}
      </ul>
      <details>
        <summary>{props.tableLabel}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col" />
              {props.series.map((series) => (
                <th key={series.label} scope="col">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.labels.map((label, index) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {props.series.map((series) => (
                  <td key={series.label} class="number">
                    {series.values[index] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Axes({ max, labels }: { max: number; labels: string[] }) {
  const ticks = [0, max / 2, max];
  const every = Math.max(1, Math.ceil(labels.length / 6));
  return (
    <g class="axes">
      {ticks.map((tick) => {
        const y = PAD.top + plotHeight - (tick / max) * plotHeight;
        return (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} class="grid" />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end">
              {Math.round(tick)}
            </text>
          </g>
        );
      })}
      {labels.map((label, index) =>
        index % every === 0 ? (
          <text key={label} x={PAD.left + ((index + 0.5) / labels.length) * plotWidth} y={HEIGHT - 6} text-anchor="middle">
            {label.slice(5)}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Lines over time (members, active members). */
export function LineChart(props: { title: string; labels: string[]; series: Series[]; tableLabel: string }) {
  const max = niceMax(Math.max(...props.series.flatMap((series) => series.values)));
  const x = (index: number) => PAD.left + ((index + 0.5) / props.labels.length) * plotWidth;
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  return (
    <Figure {...props}>
      <Axes max={max} labels={props.labels} />
      {props.series.map((series) => (
        <g key={series.label} class={series.className}>
          <polyline fill="none" stroke-width="2" points={series.values.map((value, index) => `${x(index)},${y(value)}`).join(" ")} />
          {series.values.map((value, index) => (
            <circle key={index} cx={x(index)} cy={y(value)} r="3" />
          ))}
        </g>
      ))}
    </Figure>
  );
}

/** Side-by-side bars per label (points earned vs redeemed; online vs in-store orders). */
export function BarChart(props: { title: string; labels: string[]; series: Series[]; tableLabel: string }) {
  const max = niceMax(Math.max(...props.series.flatMap((series) => series.values)));
  const slot = plotWidth / props.labels.length;
  const bar = (slot * 0.8) / props.series.length;
  return (
    <Figure {...props}>
      <Axes max={max} labels={props.labels} />
      {props.series.map((series, seriesIndex) => (
        <g key={series.label} class={series.className}>
          {series.values.map((value, index) => {
            const height = (value / max) * plotHeight;
            return (
              <rect
                key={index}
                x={PAD.left + index * slot + slot * 0.1 + seriesIndex * bar}
                y={PAD.top + plotHeight - height}
                width={bar}
                height={height}
              />
            );
          })}
        </g>
      ))}
    </Figure>
  );
}

/** Horizontal bars with their values written out (the referral funnel, repeat-purchase rates). */
export function HorizontalBars(props: { title: string; rows: { label: string; value: number; text: string }[]; max?: number }) {
  const max = props.max ?? niceMax(Math.max(...props.rows.map((row) => row.value)));
  const rowHeight = 34;
  const height = props.rows.length * rowHeight;
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${props.title}: ${props.rows.map((row) => `${row.label} ${row.text}`).join(", ")}`}
      >
        {props.rows.map((row, index) => (
          <g key={row.label} class={`series-${(index % 4) + 1}`}>
            <text x="0" y={index * rowHeight + 21}>
              {row.label}
            </text>
            <rect x="200" y={index * rowHeight + 6} height="22" width={Math.max(2, (row.value / max) * 360)} />
            <text x={210 + Math.max(2, (row.value / max) * 360)} y={index * rowHeight + 21} class="value">
              {row.text}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
