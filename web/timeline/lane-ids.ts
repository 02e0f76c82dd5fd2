import { goroutineLane } from '../../shared/lanes.ts';
import type { GoroutineDirectory } from '../state/goroutine-directory.ts';
import type { Row } from '../state/lane-layout.ts';

/** The lane id a row draws: fixed lanes carry theirs, goroutine rows look theirs up (undefined while loading). */
export function laneIdOf(row: Row, directory: GoroutineDirectory): string | undefined {
  if (row.laneId) return row.laneId;
  if (row.kind === 'goroutine' && row.group !== undefined && row.member !== undefined) {
    const item = directory.get(row.group, row.member);
    return item ? goroutineLane(item.id) : undefined;
  }
  return undefined;
}
