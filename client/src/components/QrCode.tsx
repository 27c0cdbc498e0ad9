import { useMemo } from 'react';
import { create } from 'qrcode';

/** Light modules around the symbol that scanners need to find it (the QR standard asks for 4). */
const QUIET_ZONE = 4;

/**
 * `text` as a QR code, drawn as one SVG path so it stays sharp at any size (a projector, a printed card). Dark on
 * white whatever the theme: phone cameras read light-on-dark codes badly.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const commands: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        if (modules.get(row, column)) commands.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
      }
    }
    return { size: modules.size + 2 * QUIET_ZONE, path: commands.join('') };
  }, [text]);

  return (
    <svg className={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
