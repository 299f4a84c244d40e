import { useEffect, useState } from 'preact/hooks';
import { normalizeHubUrl } from '../../reports/hub-url';
import { reportHubSetting } from '../../reports/settings';

/** The hub reports go to, following the setting live (null: none set). */
export function useHub(): string | null {
  const [hub, setHub] = useState<string | null>(null);
  useEffect(() => {
    const apply = (value: string | null) => setHub(value === null ? null : normalizeHubUrl(value));
    void reportHubSetting.getValue().then(apply);
    return reportHubSetting.watch(apply);
  }, []);
  return hub;
}
