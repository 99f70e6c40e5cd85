import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * The charts' pictures (titled, drawn off screen by EChart.tsx), collected for paper. On paper the
 * interactive cards give way to a plain column of these pictures, one per page: a picture is never
 * split, and plain blocks break cleanly where Chromium's flex rows do not.
 */
type Images = Readonly<Record<string, string>>;

const PrintImagesContext = createContext<(id: string, dataUrl: string) => void>(() => undefined);

export function usePrintImage(): (id: string, dataUrl: string) => void {
  return useContext(PrintImagesContext);
}

export function PrintImagesProvider({ order, children }: { order: readonly string[]; children: ReactNode }) {
  const [images, setImages] = useState<Images>({});
  const set = useCallback((id: string, dataUrl: string) => setImages((current) => (current[id] === dataUrl ? current : { ...current, [id]: dataUrl })), []);
  const pictures = useMemo(() => order.flatMap((id) => (images[id] ? [{ id, src: images[id] }] : [])), [order, images]);
  return (
    <PrintImagesContext.Provider value={set}>
      {children}
      <div className="print-only print-charts" data-testid="print-charts">
        {pictures.map((p) => (
          <img key={p.id} src={p.src} alt="" className="print-chart" />
        ))}
      </div>
    </PrintImagesContext.Provider>
  );
}
