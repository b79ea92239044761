import { useId } from 'react';
import { MESSAGES } from '../../i18n';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { LANGUAGE_PREFERENCES, THEME_PREFERENCES as THEMES } from '../../../../shared/account';
import { browserLanguages } from '../../platform';
import { ChoiceGroup } from './ChoiceGroup';

export function AppearanceSection() {
  const t = useAppStore(selectMessages);
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const languagePreference = useAppStore((s) => s.languagePreference);
  const setLanguagePreference = useAppStore((s) => s.setLanguagePreference);
  const headingId = useId();

  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <h3 className="settings__section-title" id={headingId}>
        {t.settings.appearanceHeading}
      </h3>
      <div className="settings__rows">
        <ChoiceGroup
          legend={t.settings.language}
          name="language"
          value={languagePreference}
          options={LANGUAGE_PREFERENCES.map((value) => ({
            value,
            label: value === 'system' ? t.settings.languageSystem : MESSAGES[value].languageName,
            lang: value === 'system' ? undefined : value,
          }))}
          onChange={(value) => setLanguagePreference(value, browserLanguages())}
        />
        <ChoiceGroup
          legend={t.settings.theme}
          name="theme"
          value={theme}
          options={THEMES.map((value) => ({ value, label: t.settings.themes[value] }))}
          onChange={setTheme}
        />
      </div>
    </section>
  );
}
