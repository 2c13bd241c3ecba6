import { useEffect, useRef, useState } from 'preact/hooks';

/** How often a frame is decoded: often enough to feel instant, rarely enough to spare a phone's battery. */
const FRAME_MS = 150;

/**
 * "Scan with the camera": opens the phone's back camera, reads the first QR code or barcode it sees
 * and hands its text to `onCode`, the same way a keyboard scanner types it into the field.
 */
export function CameraScan({ onCode, disabled }: { onCode: (code: string) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" class="button" disabled={disabled} data-testid="camera-scan" onClick={() => setOpen(true)}>
        Scan with the camera
      </button>
    );
  }
  return <CameraPanel onClose={() => setOpen(false)} onCode={(code) => { setOpen(false); onCode(code); }} />;
}

function CameraPanel({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState('Starting the camera…');
  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('This browser cannot use a camera here (it needs HTTPS or localhost).');
      const [media, decoder] = await Promise.all([
        navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }),
        import('./barcode-decoder.js').then((m) => m.frameDecoder()),
      ]);
      stream = media;
      if (stopped || !video.current) return stop();
      video.current.srcObject = media;
      await video.current.play().catch(() => undefined);
      setStatus(`Point the camera at the asset's QR code or barcode${decoder.engine === 'native' ? '' : ' (decoded on this device)'}.`);
      const tick = async () => {
        if (stopped || !video.current) return;
        const code = await decoder.decode(video.current);
        if (stopped) return;
        if (code?.trim()) {
          stop();
          onCode(code.trim());
          return;
        }
        timer = setTimeout(() => void tick(), FRAME_MS);
      };
      void tick();
    })().catch((error: Error) => {
      if (!stopped) setStatus(error.name === 'NotAllowedError' ? 'The camera was not allowed. Type the tag or use a scanner instead.' : `No camera: ${error.message}`);
    });
    return stop;
  }, []);
  return (
    <div class="camera-scan field-wide" data-testid="camera-panel">
      <video ref={video} muted playsInline aria-label="Camera picture" class="camera-video" />
      <p role="status" class="form-status" data-testid="camera-status">{status}</p>
      <button type="button" class="button button-quiet" onClick={onClose}>Stop the camera</button>
    </div>
  );
}
