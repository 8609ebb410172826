// Opening and closing the rear camera, and turning getUserMedia's many failures into the few cases
// the visitor can act on.

/** Why no camera stream could be had; each has its own explanation in the fallback panel. */
export type CameraProblem = 'denied' | 'no-camera' | 'busy' | 'unsupported';

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    cause?: unknown,
  ) {
    super(`camera unavailable: ${problem}`, { cause });
    this.name = 'CameraError';
  }
}

// ~640×480 is what the engine wants (it works on 480 px); asking for more only costs readback time.
export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: {
    facingMode: { ideal: 'environment' },
    width: { ideal: 640 },
    height: { ideal: 480 },
  },
};

export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'unsupported';
  }
}

/** The rear camera's stream; rejects with a CameraError saying why not. */
export async function openCamera(): Promise<MediaStream> {
  // Missing on insecure origins and in some in-app browsers.
  if (typeof navigator.mediaDevices?.getUserMedia !== 'function') {
    throw new CameraError('unsupported');
  }
  try {
    return await navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS);
  } catch (error) {
    throw new CameraError(cameraProblemOf(error), error);
  }
}

/** Stops every track, which is what turns the camera (and its indicator light) off. */
export function stopCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
