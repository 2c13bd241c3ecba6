/**
 * Reads a QR code or barcode from the camera's picture. The browser's own BarcodeDetector is used
 * where there is one; elsewhere ZXing (bundled with the dashboard, loaded only when the camera is
 * first used, never fetched from anywhere else) decodes frames drawn on a canvas.
 */
export type FrameDecoder = (video: HTMLVideoElement) => Promise<string | null>;

interface DetectedBarcode { rawValue: string }
interface BarcodeDetectorLike { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> }
type BarcodeDetectorClass = { new (options?: { formats?: string[] }): BarcodeDetectorLike; getSupportedFormats?: () => Promise<string[]> };

async function nativeDecoder(): Promise<FrameDecoder | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  const formats = await Detector.getSupportedFormats?.().catch(() => []) ?? [];
  if (formats.length === 0) return null;
  const detector = new Detector({ formats });
  return async (video) => (await detector.detect(video).catch(() => []))[0]?.rawValue ?? null;
}

async function zxingDecoder(): Promise<FrameDecoder> {
  const zxing = await import('@zxing/library');
  const hints = new Map<number, unknown>([[zxing.DecodeHintType.TRY_HARDER, true]]);
  const reader = new zxing.MultiFormatReader();
  reader.setHints(hints);
  const canvas = document.createElement('canvas');
  return async (video) => {
    if (!video.videoWidth || !video.videoHeight) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0);
    const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(new zxing.HTMLCanvasElementLuminanceSource(canvas)));
    try {
      return reader.decode(bitmap).getText();
    } catch {
      // No code in this frame: the next one is tried.
      return null;
    } finally {
      reader.reset();
    }
  };
}

/** The decoder this browser can use, and which it is (shown so a user knows what reads their codes). */
export async function frameDecoder(): Promise<{ decode: FrameDecoder; engine: 'native' | 'zxing' }> {
  const native = await nativeDecoder();
  return native ? { decode: native, engine: 'native' } : { decode: await zxingDecoder(), engine: 'zxing' };
}
