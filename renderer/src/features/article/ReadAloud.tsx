/**
 * "Listen": reads the article aloud with the system's speech synthesis (speechSynthesis), the
 * headline first and then the body paragraph by paragraph, with pause/resume and stop. Where the
 * browser has no speech synthesis or the system has no voice (getVoices() stays empty after
 * voiceschanged or a second), it says so instead of failing silently.
 */
import { useEffect, useRef, useState } from 'react';

export const NO_VOICE_MESSAGE = 'Read-aloud needs a system voice; none is installed.';

type State = 'idle' | 'checking' | 'playing' | 'paused';

/** The system's voices, waiting for voiceschanged (or ~1 s) when the list starts empty. */
export function systemVoices(synth: SpeechSynthesis, waitMs = 1000): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer);
      synth.removeEventListener('voiceschanged', done);
      resolve(synth.getVoices());
    };
    const timer = window.setTimeout(done, waitMs);
    synth.addEventListener('voiceschanged', done);
  });
}

/** What is read: the headline, then each paragraph of the body text. */
export function speechChunks(title: string, bodyText: string): string[] {
  const paragraphs = bodyText
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return [title.trim(), ...paragraphs].filter(Boolean);
}

function pickVoice(voices: SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | null {
  const lang = language.toLowerCase();
  if (!lang) return voices.find((v) => v.default) ?? voices[0] ?? null;
  return (
    voices.find((v) => v.lang.toLowerCase() === lang) ??
    voices.find((v) => v.lang.toLowerCase().split('-')[0] === lang.split('-')[0]) ??
    voices.find((v) => v.default) ??
    voices[0] ??
    null
  );
}

export function ReadAloud({ title, bodyText, language }: { title: string; bodyText: string; language: string }) {
  const [state, setState] = useState<State>('idle');
  const [message, setMessage] = useState('');
  const run = useRef(0);
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

  // Leaving the article stops reading it.
  useEffect(
    () => () => {
      run.current++;
      synth?.cancel();
    },
    [synth],
  );

  async function listen() {
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
      setMessage(NO_VOICE_MESSAGE);
      return;
    }
    setState('checking');
    setMessage('');
    const voices = await systemVoices(synth);
    if (voices.length === 0) {
      setState('idle');
      setMessage(NO_VOICE_MESSAGE);
      return;
    }
    const id = ++run.current;
    const voice = pickVoice(voices, language);
    synth.cancel();
    const chunks = speechChunks(title, bodyText);
    chunks.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      if (voice) utterance.voice = voice;
      if (language) utterance.lang = language;
      if (i === chunks.length - 1) utterance.onend = () => run.current === id && setState('idle');
      utterance.onerror = (event) => {
        if (run.current !== id || event.error === 'interrupted' || event.error === 'canceled') return;
        setState('idle');
        setMessage(`Read-aloud stopped: ${event.error}.`);
      };
      synth.speak(utterance);
    });
    setState('playing');
    setMessage('Reading aloud.');
  }

  function pause() {
    synth?.pause();
    setState('paused');
    setMessage('Paused.');
  }

  function resume() {
    synth?.resume();
    setState('playing');
    setMessage('Reading aloud.');
  }

  function stop() {
    run.current++;
    synth?.cancel();
    setState('idle');
    setMessage('Stopped.');
  }

  return (
    <div className="read-aloud">
      {state === 'idle' || state === 'checking' ? (
        <button type="button" className="button button--quiet" onClick={listen} disabled={state === 'checking'}>
          <span aria-hidden="true">▶ </span>Listen
        </button>
      ) : (
        <>
          {state === 'playing' ? (
            <button type="button" className="button button--quiet" onClick={pause}>
              Pause
            </button>
          ) : (
            <button type="button" className="button button--quiet" onClick={resume}>
              Resume
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={stop}>
            Stop
          </button>
        </>
      )}
      <p className="read-aloud__status" role="status" aria-label="Read-aloud status">
        {message}
      </p>
    </div>
  );
}
