import { useEffect, useRef, useState, type PointerEvent } from 'react';

/**
 * A customer signs with a finger (or a mouse, or a stylus): pointer events on
 * a canvas, a Clear button; the caller gets the canvas once drawn on and
 * reads it with `signaturePng`. The canvas is drawn
 * at the device's pixel ratio so the signature stays sharp on a phone, and
 * `touch-action: none` keeps the page from scrolling under the finger.
 */
export function SignaturePad({
  label,
  onChange,
}: {
  label: string;
  /** The canvas once something is drawn on it, null when cleared. */
  onChange: (drawn: HTMLCanvasElement | null) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [signed, setSigned] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = c.clientHeight * ratio;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
  }, []);

  const clear = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (c && ctx) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, c.width, c.height);
      ctx.restore();
    }
    setSigned(false);
    onChange(null);
  };
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const ctx = e.currentTarget.getContext('2d');
    const p = point(e);
    ctx?.beginPath();
    ctx?.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    const p = point(e);
    ctx?.lineTo(p.x, p.y);
    ctx?.stroke();
    if (!signed) {
      setSigned(true);
      onChange(e.currentTarget);
    }
  };
  const up = () => {
    drawing.current = false;
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        role="img"
        aria-label={signed ? `${label}: signed` : `${label}: sign here with a finger`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <button type="button" className="button-secondary" onClick={clear} disabled={!signed}>
        Clear signature
      </button>
    </div>
  );
}

/** The drawing as a PNG for the upload. */
export function signaturePng(canvas: HTMLCanvasElement | null): Promise<Blob | null> {
  return new Promise((resolve) => {
    if (!canvas) resolve(null);
    else canvas.toBlob(resolve, 'image/png');
  });
}
