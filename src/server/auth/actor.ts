import type { Actor } from '../../domain/events';
import type { Principal } from './principal';

/** Who the timeline names for a change made by this caller. */
export function actorOf(p: Principal): Actor {
  return p.kind === 'staff' ? { kind: 'staff', id: p.staffId, name: p.name } : { kind: 'api', keyName: p.keyName };
}
