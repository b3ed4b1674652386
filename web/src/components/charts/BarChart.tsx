// Hand-written SVG bar chart (no chart library: fewer dependencies, no inline
// styles). Colours come from CSS classes; the numbers are also in the text
// alternative so the chart does not depend on sight.

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 44, left: 40 };

export function BarChart({
  title,
  bars,
  format = String,
}: {
  title: string;
  bars: Bar[];
  format?: (n: number) => string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, bars.length);
  const barW = Math.max(4, slot * 0.65);
  const summary = bars.map((b) => `${b.label}: ${format(b.value)}`).join(', ');
  const titleId = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
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
        {bars.map((b, i) => {
          const h = (b.value / max) * innerH;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const y = PAD.top + innerH - h;
          return (
            <g key={b.label}>
              <rect className="chart-bar" x={x} y={y} width={barW} height={Math.max(0, h)}>
                <title>{`${b.label}: ${format(b.value)}`}</title>
              </rect>
              {/* Many bars: label every other one so the labels stay readable. */}
              {bars.length <= 8 || i % 2 === 0 ? (
                <text
                  className="chart-label"
                  x={x + barW / 2}
                  y={HEIGHT - PAD.bottom + 16}
                  textAnchor="middle"
                >
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function Axis({
  max,
  innerH,
  format,
}: {
  max: number;
  innerH: number;
  format: (n: number) => string;
}) {
  // 0, half and max, without repeating a label when the values are small.
  const seen = new Set<string>();
  const ticks = [0, 0.5, 1].filter((t) => {
    const label = format(Math.round(max * t));
    if (seen.has(label)) return false;
    seen.add(label);
    return true;
  });
  return (
    <g>
      {ticks.map((t) => {
        const y = PAD.top + innerH - t * innerH;
        return (
          <g key={t}>
            <line className="chart-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} />
            <text className="chart-tick" x={PAD.left - 4} y={y + 4} textAnchor="end">
              {format(Math.round(max * t))}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export const CHART = { WIDTH, HEIGHT, PAD };
