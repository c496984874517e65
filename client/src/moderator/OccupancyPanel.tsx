import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import type { EventConfig, Phase } from '@live-workshop/shared';
import { formatTime } from '@live-workshop/shared/pure';
import { problemOf } from '../net/api.js';
import type { OccupancySeries } from '@live-workshop/shared';
import { fetchOccupancy } from './moderatorApi.js';
import { changeRows, peaksSummary, roomLabel, roomsShown } from './occupancy.js';
import { currentLocale } from '../i18n/i18n.js';
import { useT } from '../i18n/useT.js';

// uPlot and its styles load only when there is something to draw.
const OccupancyChart = lazy(() => import('./OccupancyChart.js'));

/** How often the chart follows the rooms while the event runs. */
export const OCCUPANCY_POLL_MS = 30_000;
/** One point per minute. */
const OCCUPANCY_STEP_MS = 60_000;

/** The rows of the table fallback: one per change, a column per room. */
export function OccupancyTable({ series, rooms, event }: { series: OccupancySeries; rooms: readonly string[]; event: EventConfig }) {
  const t = useT();
  const rows = changeRows(series, rooms);
  return (
    <table className="numbers" data-testid="occupancy-table">
      <caption>{t('console.occupancy.caption', { zone: event.timeZone })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('console.occupancy.time')}</th>
          {rooms.map((r) => (
            <th key={r} scope="col">
              {roomLabel(event, r)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.at}>
            <th scope="row">
              <time dateTime={new Date(p.at).toISOString()}>{formatTime(p.at, event.timeZone, currentLocale())}</time>
            </th>
            {rooms.map((r) => (
              <td key={r}>{p.counts[r] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Room occupancy over time (from the media server's webhooks): a chart, live every 30 s while the event runs and kept after it, with a table. */
export function OccupancyPanel({ credential, event, phase }: { credential: string; event: EventConfig; phase: Phase }) {
  const t = useT();
  const before = phase.kind === 'scheduled';
  const ended = phase.kind === 'ended';
  // Polled while the event runs; at the end one last read (a query of its own), then nothing changes.
  const query = useQuery({
    queryKey: ['occupancy', credential, ended],
    queryFn: () => fetchOccupancy(credential, OCCUPANCY_STEP_MS),
    enabled: !before,
    refetchInterval: ended ? false : OCCUPANCY_POLL_MS,
    placeholderData: (previous) => previous,
    retry: false,
  });
  const series = query.data ?? null;
  const problem = problemOf(query, t('console.occupancy.loadFailed'));
  const updatedAt = query.dataUpdatedAt > 0 ? query.dataUpdatedAt : null;

  const rooms = useMemo(() => (series ? roomsShown(series) : []), [series]);
  const labels = useMemo(() => rooms.map((r) => roomLabel(event, r)), [rooms, event]);
  const hasData = !!series && series.points.length > 0 && series.points.some((p) => Object.values(p.counts).some((c) => c > 0));

  return (
    <section className="panel" aria-labelledby="occupancy-heading" data-testid="occupancy">
      <h2 id="occupancy-heading">{t('console.occupancy.heading')}</h2>
      {before && <p className="hint">{t('console.occupancy.before')}</p>}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {!before && !series && !problem && <p role="status">{t('console.occupancy.loading')}</p>}
      {series && !hasData && <p className="hint">{t('console.occupancy.nobody')}</p>}
      {series && hasData && (
        <>
          <figure className="chart" role="img" aria-label={peaksSummary(series, rooms, event)}>
            <Suspense fallback={<p className="hint">{t('console.occupancy.loadingChart')}</p>}>
              <OccupancyChart series={series} rooms={rooms} labels={labels} timeZone={event.timeZone} locale={currentLocale()} peopleLabel={t('console.occupancy.people')} timeLabel={t('console.occupancy.time')} />
            </Suspense>
          </figure>
          <details>
            <summary>{t('console.occupancy.asTable')}</summary>
            <OccupancyTable series={series} rooms={rooms} event={event} />
          </details>
        </>
      )}
      {updatedAt !== null && (
        <p className="hint">
          {ended
            ? t('console.occupancy.wholeEvent', { time: formatTime(updatedAt, event.timeZone, currentLocale()), zone: event.timeZone })
            : t('console.occupancy.live', { seconds: OCCUPANCY_POLL_MS / 1000, time: formatTime(updatedAt, event.timeZone, currentLocale()), zone: event.timeZone })}
        </p>
      )}
    </section>
  );
}
