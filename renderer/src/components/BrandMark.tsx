import './BrandMark.css';
/** The four-tile logo: one tile per kind of media, plus the library itself. */
export function BrandMark() {
  return (
    <span className="brand-mark" aria-hidden="true">
      <span className="brand-mark__tile brand-mark__tile--a" />
      <span className="brand-mark__tile brand-mark__tile--b" />
      <span className="brand-mark__tile brand-mark__tile--c" />
      <span className="brand-mark__tile brand-mark__tile--d" />
    </span>
  );
}
