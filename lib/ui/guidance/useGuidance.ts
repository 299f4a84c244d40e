/**
 * The guidance for the person's language and country, for any page. Follows the country setting
 * live, so a change in the options shows at once in an open warning or guide.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadPageGuidance, type PageGuidance } from '../../guidance/page';
import { readCountrySetting, watchCountrySetting } from '../../guidance/settings';
import { currentLanguage } from '../../i18n';

export type GuidanceState = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & PageGuidance);

export function useGuidance(): GuidanceState {
  const [state, setState] = useState<GuidanceState>({ status: 'loading' });
  // The page renders again after the language changed (lib/i18n/page.ts): load that language's guidance.
  const language = currentLanguage();
  useEffect(() => {
    let current = true;
    const load = (setting: Promise<Parameters<typeof loadPageGuidance>[0]>) =>
      setting
        .then(loadPageGuidance)
        .then(
          (loaded) => current && setState({ status: 'ready', ...loaded }),
          (error: unknown) => current && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
        );
    void load(readCountrySetting());
    const unwatch = watchCountrySetting((setting) => void load(Promise.resolve(setting)));
    return () => {
      current = false;
      unwatch();
    };
  }, [language]);
  return state;
}
