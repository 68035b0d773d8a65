/**
 * Getting a counsellor's attention for an imminent case: a short two-tone sound and, with the person's permission, a
 * desktop notification. Browsers allow sound only after a gesture on the page, so "turn on alerts" both asks for the
 * notification permission and unlocks the audio.
 */
let audio: AudioContext | null = null;

declare global {
  interface Window {
    /** How many alarms have sounded on this page (read by the browser tests: a test cannot hear). */
    __xingangAlarms?: number;
  }
}

export function notificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

export async function enableAlerts(): Promise<boolean> {
  try {
    audio ??= new AudioContext();
    await audio.resume();
  } catch {
    // no audio on this device: the banner and the desktop notification remain
  }
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'granted') return true;
  return (await Notification.requestPermission()) === 'granted';
}

export function playAlarm(): void {
  window.__xingangAlarms = (window.__xingangAlarms ?? 0) + 1;
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.25, 660],
      [0.5, 880],
    ] as const) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.22);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.23);
    }
  } catch {
    // audio blocked: the banner and the desktop notification remain
  }
}

export function desktopNotify(title: string, body: string, onClick: () => void): void {
  if (!notificationsAllowed()) return;
  try {
    const n = new Notification(title, { body, tag: 'xingang-crisis', requireInteraction: true });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // some browsers only allow notifications from a service worker
  }
}
