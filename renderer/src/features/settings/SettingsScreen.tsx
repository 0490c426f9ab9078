/** Settings: theme (system, light, dark) and text size for this window; where the data lives. */
import { useState } from 'react';
import { useLoad } from '../../api/useLoad';
import { formatLongDateTime } from '../../ui/format/dates';
import {
  applyPreferences,
  loadPreferences,
  savePreferences,
  TEXT_SIZES,
  THEMES,
  type DisplayPreferences,
  type TextSize,
  type ThemeChoice,
} from '../../ui/preferences';
import { ScreenHeading } from '../../ui/ScreenHeading';
import './settings.css';

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const SIZE_LABELS: Record<TextSize, string> = { small: 'Small', medium: 'Medium', large: 'Large', 'x-large': 'Huge' };

export function SettingsScreen() {
  const [prefs, setPrefs] = useState<DisplayPreferences>(loadPreferences);
  const { data: status } = useLoad('status', (news) => news.getStatus());

  function update(next: Partial<DisplayPreferences>) {
    const merged = { ...prefs, ...next };
    setPrefs(merged);
    savePreferences(merged);
    applyPreferences(merged);
  }

  return (
    <div className="settings">
      <ScreenHeading kicker="This window" title="Settings" />
      <fieldset className="settings__group">
        <legend>Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="settings__choice">
            <input type="radio" name="theme" value={theme} checked={prefs.theme === theme} onChange={() => update({ theme })} />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
      <fieldset className="settings__group">
        <legend>Text size</legend>
        {TEXT_SIZES.map((textSize) => (
          <label key={textSize} className="settings__choice">
            <input
              type="radio"
              name="text-size"
              value={textSize}
              checked={prefs.textSize === textSize}
              onChange={() => update({ textSize })}
            />
            {SIZE_LABELS[textSize]}
          </label>
        ))}
        <p className="settings__sample">Articles are set in this size: a column of about seventy characters a line.</p>
      </fieldset>
      {status && (
        <section className="settings__group" aria-labelledby="storage-heading">
          <h2 id="storage-heading">Storage</h2>
          <dl className="settings__facts">
            <div>
              <dt>Articles stored</dt>
              <dd>{status.articleCount}</dd>
            </div>
            <div>
              <dt>Last sync</dt>
              <dd>{status.lastSyncAt ? formatLongDateTime(status.lastSyncAt) : 'Never'}</dd>
            </div>
            <div>
              <dt>Data folder</dt>
              <dd className="settings__path">{status.dataDir}</dd>
            </div>
          </dl>
        </section>
      )}
    </div>
  );
}
