import '../../lib/platform/zod';
import { render } from 'preact';
import { localizeDocument } from '../../lib/i18n';
import { WarningPage } from '../../lib/ui';
import '../../lib/ui/styles.css';

// Never act inside a frame: a site could frame the warning to trick a click on "Proceed anyway".
if (window.top === window) {
  localizeDocument('warningDocumentTitle');
  render(<WarningPage href={location.href} />, document.getElementById('app')!);
}
