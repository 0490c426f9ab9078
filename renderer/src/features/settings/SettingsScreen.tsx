/**
 * Settings: theme (system, light, dark) and text size for this window; how often to sync and
 * whether to download photos (SyncSettings); how long articles are kept (RetentionForm), the disk
 * the data folder uses (StorageSection) and new-article notifications (NotificationsSection).
 */
import { useState } from 'react';
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
import { NotificationsSection } from './NotificationsSection';
import { RetentionForm } from './RetentionForm';
import { StorageSection } from './StorageSection';
import { SyncSettings } from './SyncSettings';
import './settings.css';

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const SIZE_LABELS: Record<TextSize, string> = { small: 'Small', medium: 'Medium', large: 'Large', 'x-large': 'Huge' };

export function SettingsScreen() {
  const [prefs, setPrefs] = useState<DisplayPreferences>(loadPreferences);
  const [storageKey, setStorageKey] = useState(0);

  function update(next: Partial<DisplayPreferences>) {
    const merged = { ...prefs, ...next };
    setPrefs(merged);
    savePreferences(merged);
    applyPreferences(merged);
  }

  return (
    <div className="settings">
      <ScreenHeading kicker="Reader" title="Settings" />
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
      <SyncSettings />
      <RetentionForm onSaved={() => setStorageKey((k) => k + 1)} />
      <StorageSection refreshKey={storageKey} />
      <NotificationsSection />
    </div>
  );
}
