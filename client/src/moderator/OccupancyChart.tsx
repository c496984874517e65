/** The occupancy chart, drawn with uPlot (a small canvas charting library); its own chunk, loaded only when there is data to draw. */
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { OccupancySeries } from '@live-workshop/shared';

/** "10:15" (or "10:15:30" when ticks are closer than a minute) in the event's zone, 24-hour like the agenda. */
function clock(atMs: number, timeZone: string, withSeconds: boolean, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) }).format(atMs);
}

const COLOURS = ['#0b5cad', '#b3261e', '#146c2e', '#9a5b00', '#6a3d9a', '#00798c', '#4a4f57', '#c2185b'];
const CHART_HEIGHT_PX = 240;

/** One line per room, stepped (a count holds until it changes), times in the event's zone. */
export default function OccupancyChart({ series, rooms, labels, timeZone, locale, peopleLabel, timeLabel }: { series: OccupancySeries; rooms: readonly string[]; labels: readonly string[]; timeZone: string; locale: string; peopleLabel: string; timeLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = useMemo<uPlot.AlignedData>(
    () => [series.points.map((p) => p.at / 1000), ...rooms.map((r) => series.points.map((p) => p.counts[r] ?? 0))],
    [series, rooms],
  );
  const shape = `${rooms.join('|')}#${labels.join('|')}#${timeZone}#${locale}#${peopleLabel}`;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height: CHART_HEIGHT_PX,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
      series: [
        { label: timeLabel },
        ...rooms.map((_, i) => ({
          label: labels[i] ?? rooms[i]!,
          stroke: COLOURS[i % COLOURS.length]!,
          width: 2,
          paths: uPlot.paths.stepped!({ align: 1 }),
          value: (_u: uPlot, v: number | null) => (v === null ? '–' : String(v)),
        })),
      ],
      axes: [
        { space: 70, values: (_u, ticks, _axis, _space, incr) => ticks.map((t) => clock(t * 1000, timeZone, incr < 60, locale)) },
        { label: peopleLabel, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: (_u, ticks) => ticks.map((t) => String(t)) },
      ],
      // Hover values would read "--" whenever the pointer is elsewhere; the table below has every number.
      legend: { live: false },
    };
    plot.current = new uPlot(opts, data, el);
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => plot.current?.setSize({ width: Math.max(240, el.clientWidth), height: CHART_HEIGHT_PX }));
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // The chart is rebuilt only when its rooms or zone change; new points go through setData below.
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return <div ref={box} className="occupancy-chart" />;
}
