/**
 * How a shipment becomes jobs. A shipment may be split across containers only in whole
 * packages (spec rule 1). We split when it cannot fit one container, and also cut large
 * multi-package shipments into a few pieces so leftover space in several containers can
 * be used (three 2,000 kg shipments of sacks fill two containers, not three).
 */
export interface Piece {
  packages: number;
  weightKg: number;
  volumeM3: number;
}

/** Target piece size as a share of the container, for shipments that may split. */
const PIECE_SHARE = 1 / 3;

export function splitShipment(
  weightKg: number,
  volumeM3: number,
  packages: number,
  capWeightKg: number,
  capVolumeM3: number,
): Piece[] {
  const unitW = weightKg / packages;
  const unitV = volumeM3 / packages;
  const fitsWhole = weightKg <= capWeightKg && volumeM3 <= capVolumeM3;
  if (
    packages === 1 ||
    (fitsWhole && weightKg <= capWeightKg * PIECE_SHARE && volumeM3 <= capVolumeM3 * PIECE_SHARE)
  ) {
    return [{ packages, weightKg, volumeM3 }];
  }
  // Most packages one container can take, and the piece size we aim for.
  const perContainer = Math.max(
    1,
    Math.floor(
      Math.min(capWeightKg / unitW, unitV > 0 ? capVolumeM3 / unitV : Number.POSITIVE_INFINITY) + 1e-9,
    ),
  );
  const target = Math.max(
    1,
    Math.floor(
      Math.min(
        (capWeightKg * PIECE_SHARE) / unitW,
        unitV > 0 ? (capVolumeM3 * PIECE_SHARE) / unitV : Number.POSITIVE_INFINITY,
        perContainer,
      ) + 1e-9,
    ),
  );
  const count = Math.ceil(packages / target);
  const pieces: Piece[] = [];
  // Even pieces: 10 packages in pieces of at most 4 -> 4, 3, 3.
  const base = Math.floor(packages / count);
  let extra = packages % count;
  for (let i = 0; i < count; i++) {
    const p = base + (extra-- > 0 ? 1 : 0);
    pieces.push({ packages: p, weightKg: (weightKg * p) / packages, volumeM3: (volumeM3 * p) / packages });
  }
  return pieces;
}
