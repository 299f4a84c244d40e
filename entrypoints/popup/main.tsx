import '../../lib/platform/zod';
import { render } from 'preact';
import { localizeDocument } from '../../lib/i18n';
import { PopupPage } from '../../lib/ui';
import '../../lib/ui/styles.css';

localizeDocument('popupHeading');
render(<PopupPage search={location.search} />, document.getElementById('app')!);
