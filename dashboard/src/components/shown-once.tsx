/** A secret the collector gives out once (a token, an enrolment secret), with what it is for and a way to put it away. */
export function ShownOnce({ noun, forWhat, secret, onDone, testId }: { noun: string; forWhat: string; secret: string; onDone: () => void; testId: string }) {
  return (
    <div class="notice notice-info notice-stacked" role="status" data-testid={testId}>
      <p>{noun} for <strong>{forWhat}</strong>; copy it now, it is not shown again:</p>
      <code class="secret-text">{secret}</code>
      <button type="button" class="button button-quiet" onClick={onDone}>Done</button>
    </div>
  );
}
