import '../../lib/platform/zod';
import { render } from 'preact';
import { startPage } from '../../lib/i18n/page';
import { PopupPage } from '../../lib/ui';
import '../../lib/ui/styles.css';

void startPage('popupHeading', () => render(<PopupPage search={location.search} />, document.getElementById('app')!));
