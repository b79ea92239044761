import type { BusinessType } from '../../../shared/domain';
import { TILE_SHAPES } from './grid-layout';
import './SkeletonGrid.css';

const SKELETON_TILES = 18;

/** Placeholder tiles in the grid's shape while the first page loads. */
/** A placeholder tile in the shape of the business type's tiles, while media load. */
export function SkeletonTile({ businessType }: { businessType: BusinessType }) {
  return (
    <div className="tile tile--skeleton" aria-hidden="true">
      <div className={`tile__media skeleton skeleton--${businessType}`} />
      <div className="tile__caption">
        <span className="skeleton-line" />
        <span className="skeleton-line skeleton-line--short" />
      </div>
    </div>
  );
}

export function SkeletonGrid({
  businessType,
  label,
}: {
  businessType: BusinessType;
  label: string;
}) {
  return (
    <div
      className="skeleton-grid"
      role="status"
      aria-label={label}
      data-testid="loading-state"
      style={{
        gridTemplateColumns: `repeat(auto-fill, minmax(${TILE_SHAPES[businessType].minWidth}px, 1fr))`,
      }}
    >
      {Array.from({ length: SKELETON_TILES }, (_, i) => (
        <SkeletonTile key={i} businessType={businessType} />
      ))}
    </div>
  );
}
