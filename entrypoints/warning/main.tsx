import '../../lib/platform/zod';
import { render } from 'preact';
import { startPage } from '../../lib/i18n/page';
import { WarningPage } from '../../lib/ui';
import '../../lib/ui/styles.css';

// Never act inside a frame: a site could frame the warning to trick a click on "Proceed anyway".
if (window.top === window) {
  void startPage('warningDocumentTitle', () => render(<WarningPage href={location.href} />, document.getElementById('app')!));
}
