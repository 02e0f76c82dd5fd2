import type { Frame } from '../../shared/api.ts';

/** A stack, innermost frame first: function, then file:line. */
export function StackView({ title, frames, testId }: { title: string; frames: Frame[]; testId?: string }) {
  return (
    <details className="stack" open={frames.length > 0 && frames.length <= 12} data-testid={testId}>
      <summary>
        {title} <span className="muted">({frames.length ? `${frames.length} frames` : 'none'})</span>
      </summary>
      {frames.length > 0 && (
        <ol className="frames">
          {frames.map((f, i) => (
            <li key={i} title={f.pc}>
              <div className="func">{f.func}</div>
              <div className="file muted">
                {f.file}:{f.line}
              </div>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
