import '../../lib/platform/zod';
import { render } from 'preact';
import { startPage } from '../../lib/i18n/page';
import { OptionsPage } from '../../lib/ui/options/OptionsPage';
import '../../lib/ui/styles.css';

void startPage('optionsDocumentTitle', () => render(<OptionsPage />, document.getElementById('app')!));
