import type { AnnotationDetail, LogDetail, RegionDetail, SampleDetail } from '../../shared/api.ts';
import { useStore } from '../hooks/use-store.ts';
import { formatCount, formatDurationNs, formatTimestampNs } from '../render/format-time.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { StackView } from './stack-view.tsx';

const TITLES: Record<AnnotationDetail['kind'], string> = { region: 'Region', sample: 'CPU profile sample', log: 'Log message' };
const MERGED: Record<AnnotationDetail['kind'], [string, string]> = {
  region: ['regions', 'the longest of them'],
  sample: ['CPU profile samples', 'the first of them'],
  log: ['log messages', 'the first of them'],
};

type Jump = (goroutine: number, timeNs: number) => void;

function GoroutineRow({ goroutine, name, timeNs, jump }: { goroutine: number | null; name: string; timeNs: number; jump: Jump }) {
  return (
    <tr>
      <th>Goroutine</th>
      <td data-testid="detail-goroutine">
        {goroutine === null ? (
          <span className="muted">none</span>
        ) : (
          <>
            <button className="link" onClick={() => jump(goroutine, timeNs)} title="Show this goroutine's lane">
              G{goroutine}
            </button>{' '}
            {name}
          </>
        )}
      </td>
    </tr>
  );
}

function TaskRow({ task, taskName }: { task: number; taskName: string }) {
  return (
    <tr>
      <th>Task</th>
      <td data-testid="detail-task">{task > 0 ? `T${task}${taskName ? ` ${taskName}` : ''}` : <span className="muted">none (background task)</span>}</td>
    </tr>
  );
}

function RegionFacts({ d, jump }: { d: RegionDetail; jump: Jump }) {
  return (
    <>
      <tr>
        <th>Name</th>
        <td data-testid="detail-region-name">{d.name}</td>
      </tr>
      <TaskRow task={d.task} taskName={d.taskName} />
      <GoroutineRow goroutine={d.goroutine >= 0 ? d.goroutine : null} name={d.goroutineName} timeNs={d.startNs} jump={jump} />
      <tr>
        <th>Start</th>
        <td>{d.beganBeforeTrace ? 'before the trace' : formatTimestampNs(d.startNs)}</td>
      </tr>
      <tr>
        <th>Duration</th>
        <td data-testid="detail-duration">
          {formatDurationNs(d.endNs - d.startNs)}
          {(d.beganBeforeTrace || d.endedAfterTrace) && <span className="muted"> (in the trace)</span>}
        </td>
      </tr>
      <tr>
        <th>End</th>
        <td>{d.endedAfterTrace ? 'after the trace' : formatTimestampNs(d.endNs)}</td>
      </tr>
    </>
  );
}

function InstantFacts({ d, jump }: { d: SampleDetail | LogDetail; jump: Jump }) {
  return (
    <>
      {d.kind === 'log' && (
        <>
          <tr>
            <th>Message</th>
            <td data-testid="detail-log-message">{d.title}</td>
          </tr>
          <tr>
            <th>Category</th>
            <td>{d.category || <span className="muted">none</span>}</td>
          </tr>
          <TaskRow task={d.task} taskName={d.taskName} />
        </>
      )}
      <GoroutineRow goroutine={d.goroutine} name={d.goroutineName} timeNs={d.timeNs} jump={jump} />
      <tr>
        <th>Time</th>
        <td data-testid="detail-time">{formatTimestampNs(d.timeNs)}</td>
      </tr>
      {d.kind === 'sample' && (
        <tr>
          <th>Proc / thread</th>
          <td>
            {d.proc !== null ? `P${d.proc}` : 'no P'} / {d.thread !== null ? `M${d.thread}` : 'no M'}
          </td>
        </tr>
      )}
    </>
  );
}

/** The selected region, CPU sample or log of a lane (a span selection with an item): what /api/annotation says. */
export function AnnotationPanel({ session }: { session: TraceSession }) {
  const span = useStore(session.ui, (s) => s.span);
  const detail = useStore(session.details.store, (s) => s.item);
  if (!span?.item) return null;
  const kind = span.item.kind;
  const close = () => session.ui.update((s) => ({ ...s, span: null }));
  const jump: Jump = (g, timeNs) => void revealGoroutine(session, g, { timeNs });
  const d = detail.status === 'done' ? detail.value : null;
  return (
    <section className="panel detail-panel" data-testid="detail-panel" data-kind={kind}>
      <div className="panel-head">
        <h2>{TITLES[kind]}</h2>
        <button onClick={close} aria-label="Close details">
          ×
        </button>
      </div>
      {span.count > 1 && (
        <p className="note">
          {formatCount(span.count)} {MERGED[kind][0]} fall in this pixel.{' '}
          {span.endNs > span.startNs && (
            <button className="link" onClick={() => session.viewport.fit(span.startNs, span.endNs)}>
              Zoom in
            </button>
          )}{' '}
          to see them one by one; below is {MERGED[kind][1]}.
        </p>
      )}
      {detail.status === 'loading' && <p className="muted">Loading…</p>}
      {detail.status === 'error' && <p className="error-text">{detail.message}</p>}
      {detail.status === 'done' && d === null && <p className="muted">The server no longer has this {TITLES[kind].toLowerCase()}.</p>}
      {d && (
        <>
          <table className="facts">
            <tbody>{d.kind === 'region' ? <RegionFacts d={d} jump={jump} /> : <InstantFacts d={d} jump={jump} />}</tbody>
          </table>
          {d.kind === 'region' && (
            <div className="panel-actions">
              <button onClick={() => session.viewport.fit(d.startNs, d.endNs)}>Zoom to region</button>
              <button
                onClick={() => {
                  const range = { startNs: d.startNs, endNs: d.endNs };
                  session.ui.update((s) => ({ ...s, selection: range }));
                  session.details.loadRange(range);
                }}
              >
                Select its time
              </button>
            </div>
          )}
          {d.kind === 'region' ? (
            <>
              <StackView title="Start stack" frames={d.startStack} testId="start-stack" />
              <StackView title="End stack" frames={d.endStack} testId="end-stack" />
            </>
          ) : (
            <StackView title="Stack" frames={d.stack} testId="instant-stack" />
          )}
        </>
      )}
    </section>
  );
}
