/**
 * Pieces several loop files of the map share: the ambulance pick-up and
 * drop-off locations, which the claim (2310E, 2310F) and a service line
 * (2420G, 2420H) both have, and the reference qualifiers of a provider's
 * secondary ids.
 */
import type { LoopSpec } from './mapTypes';

/** REF01 of a provider's secondary id: state licence, Blue Cross, provider commercial number, location. */
export const providerReferences = ['0B', '1G', 'G2', 'LU'];

/** A place named by NM1 with the entity `entity` (a non-person, NM102 2) and its N3 and N4 address. */
export function location(id: string, name: string, entity: string): LoopSpec {
  return {
    id,
    name,
    opener: { segment: 'NM1', maxUse: 1, identifier: { element: 1, codes: [entity] }, codes: { 2: ['2'] } },
    maxRepeat: 1,
    members: [
      { segment: 'N3', mandatory: true, maxUse: 1 },
      { segment: 'N4', mandatory: true, maxUse: 1 },
    ],
  };
}
