import { Axis, CHART } from './BarChart';

// Two series side by side per group (e.g. invoiced vs paid each month).

export interface Pair {
  label: string;
  a: number;
  b: number;
}

export function PairedBarChart({
  title,
  pairs,
  names,
  format = String,
}: {
  title: string;
  pairs: Pair[];
  names: [string, string];
  format?: (n: number) => string;
}) {
  const { WIDTH, HEIGHT, PAD } = CHART;
  const max = Math.max(1, ...pairs.flatMap((p) => [p.a, p.b]));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, pairs.length);
  const barW = Math.max(3, slot * 0.35);
  const titleId = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const summary = pairs
    .map((p) => `${p.label}: ${names[0]} ${format(p.a)}, ${names[1]} ${format(p.b)}`)
    .join('; ');
  const bar = (value: number, x: number, cls: string, label: string) => {
    const h = (value / max) * innerH;
    return (
      <rect className={cls} x={x} y={PAD.top + innerH - h} width={barW} height={Math.max(0, h)}>
        <title>{label}</title>
      </rect>
    );
  };
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-desc`}
        className="chart-svg"
      >
        <desc id={`${titleId}-desc`}>{summary || 'No data'}</desc>
        <Axis max={max} innerH={innerH} format={format} />
        {pairs.map((p, i) => {
          const x = PAD.left + i * slot + slot * 0.15;
          return (
            <g key={p.label}>
              {bar(p.a, x, 'chart-bar', `${p.label} ${names[0]}: ${format(p.a)}`)}
              {bar(
                p.b,
                x + barW,
                'chart-bar chart-bar-alt',
                `${p.label} ${names[1]}: ${format(p.b)}`,
              )}
              <text
                className="chart-label"
                x={x + barW}
                y={HEIGHT - PAD.bottom + 16}
                textAnchor="middle"
              >
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="chart-legend">
        <span className="legend-swatch legend-a" aria-hidden="true" /> {names[0]}
        <span className="legend-swatch legend-b" aria-hidden="true" /> {names[1]}
      </p>
    </figure>
  );
}
